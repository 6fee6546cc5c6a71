namespace MaximoOffline.Emulator.Query;

internal sealed record OrderKey(string Attribute, bool Descending);

// oslc.orderBy: "+changedate,-assetuid". Every attribute needs its sign; an unencoded "+" arrives as
// a space, which is how clients usually get this wrong, and Maximo refuses it.
internal static class OrderByParser
{
    public static IReadOnlyList<OrderKey> Parse(string? orderBy)
    {
        if (string.IsNullOrEmpty(orderBy))
        {
            return [];
        }
        var keys = new List<OrderKey>();
        foreach (var part in orderBy.Split(','))
        {
            if (part.Length < 2 || part[0] is not ('+' or '-') || part[1..].Any(c => !char.IsLetterOrDigit(c) && c != '_'))
            {
                throw QueryError.Syntax($"Each oslc.orderBy attribute must start with + or - ('{part}').");
            }
            keys.Add(new OrderKey(part[1..].ToLowerInvariant(), part[0] == '-'));
        }
        return keys;
    }
}
