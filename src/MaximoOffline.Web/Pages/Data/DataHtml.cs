using System.Globalization;
using System.Text.Encodings.Web;
using MaximoOffline.Data.Workspace;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;

namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// How the workspace pages write values: matched words in <c>&lt;mark&gt;</c> with everything else
/// HTML-encoded, values as a user reads them (Yes/No, dates in UTC), counts with their nouns, and
/// the URLs of records and lists.
/// </summary>
public static class DataHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The spans of a value, the matching words marked; every span's text encoded.</summary>
    public static IHtmlContent Marked(IReadOnlyList<TextSpan> spans)
    {
        var html = new HtmlContentBuilder();
        foreach (var span in spans)
        {
            if (span.Match)
            {
                html.AppendHtml("<mark>").Append(span.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(span.Text);
            }
        }

        return html;
    }

    /// <summary>
    /// A value as text: flags as Yes/No, dates to the minute with their zone (the replica's typed dates
    /// are UTC and say so; dates Maximo sent with an offset keep it), numbers invariant; null as empty.
    /// </summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "Yes" : "No",
        string s when s.Length == 20 && s[10] == 'T' && s.EndsWith('Z') &&
            DateTime.TryParse(s, Invariant, DateTimeStyles.AdjustToUniversal, out var date) => date.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant),
        string s when s.Length == 25 && s[10] == 'T' &&
            DateTimeOffset.TryParseExact(s, "yyyy-MM-dd'T'HH:mm:sszzz", Invariant, DateTimeStyles.None, out var local) => local.ToString("yyyy-MM-dd HH:mm zzz", Invariant),
        double d => d.ToString("0.####", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    /// <summary>"1 asset", "1,234 open work orders", or "more than 10,000 work orders" when the count stopped at its cap.</summary>
    public static string Count(WorkspaceKind kind, long count, bool exact, bool open = false) =>
        $"{(exact ? "" : "more than ")}{count.ToString("N0", Invariant)} {(open ? "open " : "")}{(count == 1 && exact ? kind.Singular : Plural(kind))}";

    public static string Plural(WorkspaceKind kind) => kind.Singular == "person" ? "people" : kind.Singular + "s";

    public static string RecordUrl(string kind, long id) => $"/data/{kind}/{id.ToString(Invariant)}";

    /// <summary>A URL with the parameters that have a value (empty ones left out, so links stay short).</summary>
    public static string Url(string path, IEnumerable<KeyValuePair<string, string?>> parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
}
