namespace MaximoOffline.Emulator.Generation;

// SplitMix64: a record's content must be a pure function of (seed, table, index), so every value
// comes from hashing those rather than from a stateful random generator.
internal static class Hash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Of(ulong a, ulong b) => Mix(a ^ Mix(b));

    // FNV-1a: a stable salt per attribute or table name (string.GetHashCode is randomised per process).
    public static ulong OfName(string name)
    {
        var h = 14695981039346656037UL;
        foreach (var c in name)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
