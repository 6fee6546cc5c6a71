using System.Globalization;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// Builds <c>oslc.where</c> terms. Every value is checked and quoted here, so no caller concatenates
/// user input into Maximo's query language. Maximo joins terms with <c>and</c> only and has no
/// escape for a double quote inside a string, so such values are refused.
/// </summary>
public static class MaximoWhere
{
    public static string Equal(string attribute, string value) => $"{Attribute(attribute)}={Quote(value)}";

    public static string Equal(string attribute, long value) => $"{Attribute(attribute)}={value.ToString(CultureInfo.InvariantCulture)}";

    public static string In(string attribute, IEnumerable<string> values) =>
        $"{Attribute(attribute)} in [{string.Join(",", values.Select(Quote))}]";

    public static string In(string attribute, IEnumerable<long> values) =>
        $"{Attribute(attribute)} in [{string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]";

    public static string GreaterThan(string attribute, long value) => $"{Attribute(attribute)}>{value.ToString(CultureInfo.InvariantCulture)}";

    public static string GreaterOrEqual(string attribute, long value) => $"{Attribute(attribute)}>={value.ToString(CultureInfo.InvariantCulture)}";

    public static string LessThan(string attribute, long value) => $"{Attribute(attribute)}<{value.ToString(CultureInfo.InvariantCulture)}";

    public static string GreaterOrEqual(string attribute, DateTimeOffset value, DateFilterFormat format) =>
        $"{Attribute(attribute)}>={Quote(FormatDate(value, format))}";

    public static string GreaterThan(string attribute, DateTimeOffset value, DateFilterFormat format) =>
        $"{Attribute(attribute)}>{Quote(FormatDate(value, format))}";

    /// <summary>Joins non-empty terms with <c>and</c>.</summary>
    public static string? And(params string?[] terms)
    {
        var present = terms.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return present.Count == 0 ? null : string.Join(" and ", present);
    }

    /// <summary>A date as Maximo compares it: with the offset Maximo uses, or as that zone's wall-clock time.</summary>
    public static string FormatDate(DateTimeOffset value, DateFilterFormat format) => format == DateFilterFormat.Local
        ? value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A string literal; refuses characters Maximo's where syntax cannot carry.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (c == '"' || char.IsControl(c))
            {
                throw new ArgumentException($"The value '{value}' has a character that cannot be put in a Maximo query ({(c == '"' ? "a double quote" : "a control character")}).", nameof(value));
            }
        }

        return "\"" + value + "\"";
    }

    private static string Attribute(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
        {
            throw new ArgumentException($"'{name}' is not a Maximo attribute name.", nameof(name));
        }

        return name;
    }
}
