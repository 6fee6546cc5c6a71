using System.Diagnostics.CodeAnalysis;

namespace MaximoOffline.Sync.Settings;

/// <summary>
/// Maximo site ids: letters, digits, <c>_</c> and <c>-</c>, at most 8 characters. Validated before any
/// request is made, so user input never reaches Maximo's query language unchecked.
/// </summary>
public static class SiteId
{
    public const int MaxLength = 8;

    /// <summary>Normalises <paramref name="input"/> (trimmed, upper-case) or says what is wrong with it.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out string? site, [NotNullWhen(false)] out string? error)
    {
        site = null;
        var value = input?.Trim() ?? "";
        if (value.Length == 0)
        {
            error = "The site is empty.";
            return false;
        }

        if (value.Length > MaxLength)
        {
            error = $"The site '{Shorten(value)}' is longer than Maximo's {MaxLength} characters.";
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                error = $"The site '{Shorten(value)}' has a character Maximo site ids do not allow ({Describe(c)}); use letters, digits, '_' and '-'.";
                return false;
            }
        }

        site = value.ToUpperInvariant();
        error = null;
        return true;
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";

    private static string Shorten(string value)
    {
        var printable = new string([.. value.Take(20).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 20 ? printable + "…" : printable;
    }
}
