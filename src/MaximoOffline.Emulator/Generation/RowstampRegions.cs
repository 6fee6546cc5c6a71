namespace MaximoOffline.Emulator.Generation;

// Base rowstamps are region + unique id, a region per table, so a row's rowstamp is a pure function of
// its id and grows with it. The shared counter starts above every region: later changes are newer.
internal static class RowstampRegions
{
    private const long RegionSize = 10_000_000_000L;

    private static readonly string[] Tables =
    [
        "person", "maxuser", "groupuser", "maxgroup", "locations", "asset", "assetmeter", "assetspec", "doclinks",
        "failurereport", "serviceaddress", "downtimereport", "maxdomain", "synonymdomain", "alndomain", "numericdomain",
        "maxtabledomain", "crossoverdomain", "workorder", "woserviceaddress", "wplabor", "wpmaterial", "wptool", "labtrans",
        "matusetrans", "tooltrans", "worklog", "inventory", "invbalances", "invcost", "itemcondition", "matrectrans",
        "transfercuritem",
    ];

    public static readonly long CounterStart = (Tables.Length + 2) * RegionSize;

    public static long For(string table)
    {
        var index = Array.IndexOf(Tables, table);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "No rowstamp region for this table.");
        }
        return (index + 1) * RegionSize;
    }
}
