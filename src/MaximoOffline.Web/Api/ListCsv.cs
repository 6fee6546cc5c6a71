using System.Globalization;
using System.Text;
using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Web.Api;

/// <summary>
/// A list as CSV (RFC 4180): a header of the unique id's name and the list's value names (<see cref="WorkspaceLists.ValueNames"/>),
/// then one line per row, written as the rows are read, so a list of any length streams in constant memory.
/// </summary>
/// <remarks>
/// UTF-8 with a byte order mark, so that a spreadsheet opens names with accents correctly. A text that a
/// spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return) is written with a <c>'</c> in front; numbers are written as they are.
/// </remarks>
internal static class ListCsv
{
    private const int FlushEvery = 256;

    public static async Task WriteAsync(Stream body, ListQuery query, IEnumerable<ListRow> rows, CancellationToken cancellationToken)
    {
        var names = WorkspaceLists.ValueNames(query.Kind);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        var header = names.Prepend(query.Kind.Table.KeyColumn);
        await writer.WriteAsync(Line(query.IncludeDeleted ? header.Append("deleted_at") : header));
        var written = 0;
        foreach (var row in rows)
        {
            var values = names.Select(n => row.Values.TryGetValue(n, out var v) ? v : null).Prepend(row.Id);
            await writer.WriteAsync(Line(query.IncludeDeleted ? values.Append(row.DeletedAt) : values));
            if (++written % FlushEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>One CSV line of <paramref name="values"/>, with its CRLF.</summary>
    public static string Line(IEnumerable<object?> values) => string.Join(',', values.Select(Field)) + "\r\n";

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            bool flag => flag ? "true" : "false",
            string s when s.Length > 0 && "=+-@\t\r".Contains(s[0], StringComparison.Ordinal) => "'" + s,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
