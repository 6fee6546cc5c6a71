using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// MXAPILOCATIONS: 171 KDFAC and 57 LCVIRQ locations per unit of scale. The first location of each
// site is its storeroom (inventory lives there).
internal static class LocationsGenerator
{
    public static readonly SiteLayout Layout = new(Words.FirstSite, 3, Words.SecondSite, 1);
    private const int BlocksPerScale = 57;
    private static readonly IdSequence Ids = new(10_000, 3, 0x10CA);

    public static int CountFor(int scale) => Layout.TotalFor(BlocksPerScale * scale);

    public static int PerSite(bool firstSite, int scale) => (firstSite ? Layout.FirstPerBlock : Layout.SecondPerBlock) * BlocksPerScale * scale;

    public static string Storeroom(bool firstSite) => firstSite ? "CENTRAL" : "LCSTORE";

    public static string NameOf(bool firstSite, long ordinal) =>
        ordinal == 0 ? Storeroom(firstSite) : $"{(firstSite ? "KD" : "LC")}-{Words.Areas[ordinal % Words.Areas.Length]}-{ordinal:D4}";

    private static string TypeOf(in Row r) =>
        Layout.OrdinalOf(r.Index) == 0 ? "STOREROOM" : r.Chance(3, 8) ? "REPAIR" : "OPERATING";

    public static GeneratedSource Create(ulong seed, int scale)
    {
        var layout = Layout;
        var schema = new SchemaBuilder()
            .Add("location", (in Row r) => NameOf(layout.IsFirst(r.Index), layout.OrdinalOf(r.Index)))
            .Add("locationsid", (in Row r) => Ids.At(r.Index))
            .Add("siteid", (in Row r) => layout.SiteOf(r.Index))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("description", (in Row r) => layout.OrdinalOf(r.Index) == 0
                ? "Central Storeroom"
                : $"{Words.AreaNames[layout.OrdinalOf(r.Index) % Words.AreaNames.Length]} {r.Pick(4, Words.Adjectives)} area {layout.OrdinalOf(r.Index)}")
            .Described("type", static (in Row r) => TypeOf(r), Statuses.Describer(Statuses.LocationType))
            .Described("status", (in Row r) => r.Chance(5, 92) ? "OPERATING" : "NOT READY", Statuses.Describer(Statuses.Asset))
            .Add("statusdate", (in Row r) => r.DaysAgo(6, 1500, 4000))
            .Add("changedate", static (in Row r) => r.DaysAgo(20, 0, 1500))
            .Add("changeby", (in Row r) => r.Pick(7, Words.Users))
            .Add("disabled", static (in Row _) => false)
            .Add("glaccount", (in Row r) => $"6{r.Int(8, 100, 999)}-{r.Int(9, 100, 999)}-000")
            .Add("useinpopr", (in Row r) => TypeOf(r) == "STOREROOM")
            .Add("isrepairfacility", (in Row r) => TypeOf(r) == "REPAIR")
            .Add("autowogen", static (in Row _) => false)
            .Add("langcode", static (in Row _) => "EN")
            .Add("hasld", (in Row r) => r.Chance(10, 5))
            .Filler("failurecode", "classstructureid", "calnum", "shiftnum", "externalrefid", "sendersysid", "sourcesysid", "ownersysid",
                "gisparam1", "gisparam2", "gisparam3", "intlabrec", "inventoryowner", "itemnum", "itemsetid", "saddresscode",
                "billtoaddresscode", "servicestatus", "tloampartition", "toolcontrolaccount", "vendor", "controlacc", "shrinkageacc",
                "invcostadjacc", "purchvaracc", "receiptvaracc", "curvaracc", "islinear", "startmeasure", "endmeasure", "lrm",
                "direction", "expectedlife", "installdate", "replacecost", "totalcost", "ytdcost", "budgetcost", "totdowntime",
                "plussfeatureclass", "plussisgis")
            .AlwaysNull("pluspcustomer", "address")
            // The oil-and-gas add-on's flags (plusg) and others real servers send on every location.
            .Flags("isdefault", "islocked", "pluscloop", "pluscpmextdate", "plusgcomcrit", "plusgenvcrit", "plusgexregistered", "plusgispassvalve",
                "plusgistemp", "plusgleaking", "plusgpermitreq", "plusgqualitycritical", "plusgriskassessed", "plusgsafetycrit")
            .Fill(FillerKind.Id, "plusgopenomuid")
            .Codes("shiptoaddresscode")
            .Filler("ex_building", "ex_floor", "ex_room", "ex_costcenter", "ex_legacyloc", "ex_gpslat", "ex_gpslong",
                "ex_inspectionfreq", "ex_lastinspdate", "kd_areacode", "plusgopenclass")
            .Build();
        return new GeneratedSource(ObjectStructures.Locations, schema, CountFor(scale), seed, Ids,
            RowstampRegions.For("locations"), []);
    }
}
