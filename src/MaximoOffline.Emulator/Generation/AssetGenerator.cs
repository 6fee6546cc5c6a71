using System.Buffers.Text;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Generation;

// MXAPIASSET: 500 KDFAC and 150 LCVIRQ assets per unit of scale, each in an existing location of its
// site, with meters, specifications, attachments, failure history, service address and downtime.
internal sealed class AssetGenerator(ulong seed, int scale)
{
    public static readonly SiteLayout Layout = new(Words.FirstSite, 10, Words.SecondSite, 3);
    private const int BlocksPerScale = 50;
    public static readonly IdSequence Ids = new(100_000, 2, 0xA55E7);
    private static readonly ulong Salt = Hash.OfName("asset");

    // The ASSETTYPE domain (DomainGenerator serves the same values).
    public static readonly (string Value, string Description)[] AssetTypes =
        [("FACILITIES", "Facilities"), ("FLEET", "Fleet"), ("IT", "Information technology"), ("PRODUCTION", "Production")];

    public static int CountFor(int scale) => Layout.TotalFor(BlocksPerScale * scale);

    public static int PerSite(bool firstSite, int scale) => (firstSite ? Layout.FirstPerBlock : Layout.SecondPerBlock) * BlocksPerScale * scale;

    public static string AssetNum(bool firstSite, long ordinal) => $"{(firstSite ? "KD" : "LC")}{10001 + ordinal}";

    public static string AssetNumAt(long index) => AssetNum(Layout.IsFirst(index), Layout.OrdinalOf(index));

    // AssetNumAt as UTF-8, for the children that repeat their parent's assetnum.
    private static void WriteAssetNum(JsonSink sink, JsonName name, long index)
    {
        Span<byte> buffer = stackalloc byte[24];
        (Layout.IsFirst(index) ? "KD"u8 : "LC"u8).CopyTo(buffer);
        Utf8Formatter.TryFormat(10001 + Layout.OrdinalOf(index), buffer[2..], out var written);
        sink.Ascii(name, buffer[..(2 + written)]);
    }

    // Any location of the asset's own site except the storeroom.
    public string LocationAt(long index)
    {
        var first = Layout.IsFirst(index);
        var row = new Row(seed, Salt, index);
        return LocationsGenerator.NameOf(first, row.Int(30, 1, LocationsGenerator.PerSite(first, scale)));
    }

    public GeneratedSource Create()
    {
        var layout = Layout;
        var describeStatus = Statuses.Describer(Statuses.Asset);
        var schema = new SchemaBuilder()
            .Add("assetnum", (in Row r) => AssetNumAt(r.Index))
            .Add("assetuid", static (in Row r) => Ids.At(r.Index))
            .Add("siteid", (in Row r) => layout.SiteOf(r.Index))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("description", static (in Row r) => $"{r.Pick(1, Words.Adjectives)} {r.Pick(2, Words.Equipment)} {r.Int(3, 1, 40)}")
            .Described("status", static (in Row r) => Statuses.Weighted(r, 4, Statuses.Asset, [75, 10, 5, 6, 4]), describeStatus)
            .Date("statusdate", static (in Row r) => r.DaysAgo(5, 1200, 4000))
            .Date("changedate", static (in Row r) => r.DaysAgo(6, 0, 1200))
            .Add("changeby", static (in Row r) => r.Pick(7, Words.Users))
            .Add("location", (in Row r) => LocationAt(r.Index))
            .Add("parent", (in Row r) => layout.OrdinalOf(r.Index) > 0 && r.Chance(8, 20)
                ? AssetNum(layout.IsFirst(r.Index), r.Int(9, 0, (int)Math.Min(int.MaxValue, layout.OrdinalOf(r.Index))))
                : null)
            .Add("serialnum", static (in Row r) => $"SN{r.H(10) % 100_000_000:D8}")
            .Add("assettag", static (in Row r) => r.Chance(11, 40) ? null : $"T-{r.H(12) % 1_000_000:D6}")
            .Described("assettype", static (in Row r) => r.Pick(13, (string[])["FACILITIES", "FLEET", "IT", "PRODUCTION"]), Statuses.Describer(AssetTypes))
            .Add("vendor", static (in Row r) => r.Pick(14, Words.Companies))
            .Add("manufacturer", static (in Row r) => r.Pick(15, Words.Companies))
            .Amount("purchaseprice", static (in Row r) => r.Amount(16, 500, 250_000))
            .Amount("replacecost", static (in Row r) => r.Amount(17, 500, 300_000))
            .Amount("totalcost", static (in Row r) => r.Amount(18, 0, 80_000))
            .Amount("ytdcost", static (in Row r) => r.Amount(19, 0, 9_000))
            .Amount("budgetcost", static (in Row r) => r.Amount(20, 0, 20_000))
            .Amount("invcost", static (in Row r) => r.Amount(21, 0, 5_000))
            .Amount("totdowntime", static (in Row r) => r.Amount(22, 0, 300))
            .Date("installdate", static (in Row r) => r.DaysAgo(23, 2000, 9000))
            .Date("warrantyexpdate", static (in Row r) => r.Chance(24, 50) ? null : r.DaysAgo(25, -900, 1500))
            .Long("priority", static (in Row r) => r.Chance(26, 20) ? null : r.Int(27, 1, 6))
            .Flag("isrunning", static (in Row r) => !r.Chance(28, 10))
            .Flag("disabled", static (in Row _) => false)
            .Flag("moved", static (in Row r) => r.Chance(29, 3))
            .Flag("children", static (in Row r) => r.Chance(31, 15))
            .Flag("rolltoallchildren", static (in Row _) => false)
            .Add("itemsetid", static (in Row _) => "SET1")
            .Add("langcode", static (in Row _) => "EN")
            .Flag("hasld", static (in Row r) => r.Chance(32, 8))
            .Add("failurecode", static (in Row r) => r.Chance(33, 40) ? null : r.Pick(34, Words.FailureCodes))
            .Add("calnum", static (in Row r) => r.Chance(35, 50) ? null : "DAY")
            .Add("glaccount", static (in Row r) => $"6{r.Int(36, 100, 999)}-{r.Int(37, 100, 999)}-000")
            .Filler("itemnum", "itemtype", "classstructureid", "groupname", "binnum", "conditioncode", "shiftnum", "newsite",
                "mainthierchy", "autowogen", "expectedlife", "expectedlifedate", "islinear", "startmeasure", "endmeasure", "lrm",
                "uncontrolled", "defaultrepairfac", "defaultrepfacsiteid", "sourcesysid", "ownersysid", "externalrefid",
                "sendersysid", "usage", "toolrate", "toolcontrolaccount", "unchargedcost", "totunchargedcost",
                "direction", "drawingnum", "eq2", "eq3", "eq4", "eq5", "eq6", "eq7", "eq8", "eq9", "eq10", "eq11", "eq12",
                "returnedtovendor", "plussfeatureclass", "plussisgis", "linearassetid", "manufacturerlot", "meterGroup",
                "nextrevdate", "pmcomresetdate", "remarks", "rotsuspacct", "secondarystatus", "serviceaddresscode", "sparepartsqty",
                "statusiface", "tollprice", "warrantyenddate", "yearofmanufacture", "costcenter", "purchaseorder", "receiptdate",
                "pluscismte", "plusciscontam", "pluscsolution", "pluscvendor", "pluscmodelnum", "pluscphyloc",
                "pluscduedate")
            .AlwaysNull("pluspcustomer", "plusssourcereference", "ex_retiredby")
            // What real servers send beside those: more of Maximo's own attributes, the industry
            // add-ons' (plusc, plusg), and the site's own work-area flags (appl, carp, hvac, ...).
            .Fill(FillerKind.Id, "assetid", "plusgopenomuid")
            .Flags("pluscpmextdate", "tloampartition", "changepmstatus", "calreq", "fiduciary", "maintenance", "removefromactiveroutes",
                "removefromactivesp", "pluscisinhousecal", "plusgexregistered", "plusgispassvalve", "plusgistemp", "plusgleaking")
            .Flags("appl", "bussh", "carp", "carpt", "cust", "elec", "engi", "esh", "fire", "hous", "hvac", "it", "lodg", "maso", "mech",
                "mhe", "moto", "mwr", "pain", "pest", "plum", "powe", "quai", "road", "roof", "tili", "tmp", "trn", "vehi", "wast", "watp", "wstm")
            .Flags("isagriclean", "isairops", "isatc", "iscalibration", "iscommserv", "isctnrops", "isdca", "isgenerator", "ishealthserv",
                "ishealthsupp", "isiceserv", "islaundry", "ismedevac", "ismovectrl", "ispostalops", "israngemgmt", "isrecovery", "isrtlengyops")
            .Dates("caldate", "lastcountdate")
            .Codes("contractnum", "custcode", "doddacc", "govtponum", "inventby", "iuidx", "lin", "model", "newassetnum", "newlocation", "nsn")
            .Add("issueunit", static (in Row r) => r.Chance(38, 70) ? null : r.Pick(39, Words.Units))
            .Add("hierarchypath", (in Row r) => $"{LocationAt(r.Index)} \\ {AssetNumAt(r.Index)}")
            .Amounts("qty")
            .Fill(FillerKind.Text, "description_longdescription")
            .Described("eq1", static (in Row r) => r.Chance(40, 30) ? null : FillerValues.Code(r, 41), static code => $"Equipment class {code}")
            .Described("sensitivecode", ("PUBLIC", "Public"), ("INTERNAL", "Internal use"), ("RESTRICTED", "Restricted"))
            .Filler("ex_criticality", "ex_costcenter", "ex_building", "ex_floor", "ex_room", "ex_legacyid", "ex_installcontractor",
                "ex_inspectionfreq", "ex_lastinspdate", "ex_nextinspdate", "ex_riskscore", "ex_energyrating", "ex_barcode",
                "ex_warrantyvendor", "ex_sapequnr", "ex_sapfuncloc", "ex_regulated", "ex_permitnum",
                "ex_condition", "ex_remlife", "ex_capitalproject", "ex_ownerdept", "ka_assetgroup", "ka_maintzone", "kd_areacode",
                "kd_shiftcrew")
            .Build();
        return new GeneratedSource(ObjectStructures.Asset, schema, CountFor(scale), seed, Ids, RowstampRegions.For("asset"),
            [Meters(), Specs(), DocLinksTable.Create("ASSET", i => Ids.At(i), 3, 1_000), FailureReports(), ServiceAddresses(), Downtime(), DowntimeHistory()]);
    }

    private static ChildTable Meters()
    {
        var schema = new SchemaBuilder()
            .Long("assetmeterid", static (in Row r) => 1_000 + r.Index)
            .Add("metername", static (in Row r) => Words.Meters[r.Ordinal % Words.Meters.Length])
            .Add("assetnum", static (in Row r) => AssetNumAt(r.ParentIndex), static (in Row r, JsonSink s, JsonName n) => WriteAssetNum(s, n, r.ParentIndex))
            .Add("siteid", (in Row r) => Layout.SiteOf(r.ParentIndex))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("lastreading", static (in Row r) => r.Amount(1, 0, 20_000).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                static (in Row r, JsonSink s, JsonName n) => s.Cents(n, r.Amount(1, 0, 20_000)))
            .Date("lastreadingdate", static (in Row r) => r.DaysAgo(2, 0, 60))
            .Add("lastreadinginspctr", static (in Row r) => r.Pick(3, Words.Users))
            .Amount("ltdlastreading", static (in Row r) => r.Amount(4, 0, 90_000))
            .Add("active", static (in Row r) => r.Chance(5, 90) ? "1" : "0")
            .Amount("rollover", static (in Row r) => r.Chance(6, 10) ? r.Amount(7, 10_000, 99_999) : null)
            .Amount("average", static (in Row r) => r.Amount(8, 0, 50))
            .Amount("sinceinstall", static (in Row r) => r.Amount(9, 0, 90_000))
            .Add("measureunitid", static (in Row r) => r.Pick(10, (string[])["HOURS", "DEG-F", "PSI", "IN/S", "MILES", "GPM"]))
            .Add("hasld", static (in Row _) => "0")
            .Build();
        return new ChildTable("assetmeter", "int_assetmeter", schema, RowstampRegions.For("assetmeter"), ChildTable.PerParent(0, 4, 1_000));
    }

    private static ChildTable Specs()
    {
        var schema = new SchemaBuilder()
            .Long("assetspecid", static (in Row r) => 1_000 + r.Index)
            .Add("assetattrid", static (in Row r) => Words.SpecAttributes[r.Ordinal % Words.SpecAttributes.Length])
            .Add("assetnum", static (in Row r) => AssetNumAt(r.ParentIndex), static (in Row r, JsonSink s, JsonName n) => WriteAssetNum(s, n, r.ParentIndex))
            .Add("siteid", (in Row r) => Layout.SiteOf(r.ParentIndex))
            .Add("classstructureid", static (in Row r) => $"{1000 + r.Int(1, 0, 40)}")
            .Add("alnvalue", static (in Row r) => r.Chance(2, 50) ? FillerValues.Code(r, 3) : null)
            .Amount("numvalue", static (in Row r) => r.Chance(4, 50) ? r.Amount(5, 0, 1000) : null)
            .Add("measureunitid", static (in Row r) => r.Chance(6, 40) ? null : "EACH")
            .Date("changedate", static (in Row r) => r.DaysAgo(7, 0, 2000))
            .Add("changeby", static (in Row r) => r.Pick(8, Words.Users))
            .Add("mandatory", static (in Row r) => r.Chance(9, 20) ? "1" : "0")
            .Long("displaysequence", static (in Row r) => (long)r.Ordinal + 1)
            .Flag("inheritedfromitem", static (in Row _) => false)
            .Long("linearassetspecid", static (in Row _) => 0L)
            .Build();
        return new ChildTable("assetspec", "assetspec", schema, RowstampRegions.For("assetspec"), ChildTable.PerParent(0, 10, 1_000));
    }

    private static ChildTable FailureReports()
    {
        var schema = new SchemaBuilder()
            .Long("failurereportid", static (in Row r) => 1_000 + r.Index)
            .Add("assetnum", static (in Row r) => AssetNumAt(r.ParentIndex), static (in Row r, JsonSink s, JsonName n) => WriteAssetNum(s, n, r.ParentIndex))
            .Add("siteid", (in Row r) => Layout.SiteOf(r.ParentIndex))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("failurecode", static (in Row r) => r.Ordinal switch { 0 => r.Pick(1, Words.Problems), 1 => r.Pick(2, Words.Causes), _ => r.Pick(3, Words.Remedies) })
            .Add("type", static (in Row r) => r.Ordinal switch { 0 => "PROBLEM", 1 => "CAUSE", _ => "REMEDY" })
            .Long("linenum", static (in Row r) => (long)r.Ordinal + 1)
            .Add("wonum", static (in Row r) => $"{10000 + r.Int(4, 0, 900)}")
            .Build();
        return new ChildTable("failurereport", "failurereport", schema, RowstampRegions.For("failurereport"), ChildTable.PerParent(0, 3, 1_000));
    }

    private static ChildTable ServiceAddresses()
    {
        var schema = new SchemaBuilder()
            .Long("serviceaddressid", static (in Row r) => 1_000 + r.Index)
            .Add("addresscode", static (in Row r) => $"SA{r.Index}")
            .Add("siteid", (in Row r) => Layout.SiteOf(r.ParentIndex))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("streetaddress", static (in Row r) => $"{r.Int(1, 10, 9999)} {r.Pick(2, Words.LastNames)} Street")
            .Add("city", static (in Row r) => r.Pick(3, (string[])["Kingston", "Dover", "Albany", "Trenton", "Richmond"]))
            .Add("regiondistrict", static (in Row _) => null)
            .Add("stateprovince", static (in Row r) => r.Pick(4, (string[])["NY", "DE", "NJ", "VA"]))
            .Add("postalcode", static (in Row r) => $"{r.Int(5, 10000, 99999)}")
            .Add("country", static (in Row _) => "US")
            .Amount("latitudey", static (in Row r) => r.Amount(6, 38, 43))
            .Amount("longitudex", static (in Row r) => -r.Amount(7, 73, 78))
            .Build();
        return new ChildTable("serviceaddress", "serviceaddress", schema, RowstampRegions.For("serviceaddress"), ChildTable.PerParent(0, 1, 1_000));
    }

    // downtimereport rows carry no unique id: only their position identifies them. Like real ones,
    // they hold some flags as "0"/"1" strings and others as booleans.
    private static ChildTable Downtime()
    {
        var schema = new SchemaBuilder()
            .Add("assetnum", static (in Row r) => AssetNumAt(r.ParentIndex), static (in Row r, JsonSink s, JsonName n) => WriteAssetNum(s, n, r.ParentIndex))
            .Add("siteid", (in Row r) => Layout.SiteOf(r.ParentIndex))
            .Add("orgid", static (in Row _) => Words.Org)
            .Date("startdate", static (in Row r) => r.DaysAgo(1, 30, 900))
            .Date("enddate", static (in Row r) => r.DaysAgo(2, 0, 29))
            .Date("statuschangedate", static (in Row r) => r.DaysAgo(6, 0, 29))
            .Amount("downtime", static (in Row r) => r.Amount(3, 0.5, 72))
            .Add("code", static (in Row r) => r.Pick(4, (string[])["BREAKDOWN", "PLANNED", "WAITING"]))
            .Flag("isrunning", static (in Row r) => r.Chance(5, 50))
            .Add("currentstatus", static (in Row r) => r.Chance(5, 50) ? "UP" : "DOWN")
            .AlwaysNull("currentstatus_description")
            .Add("isdowntimereport", static (in Row r) => r.Chance(7, 30) ? "1" : "0")
            .Add("operational", static (in Row r) => r.Chance(5, 50) ? "1" : "0")
            .Add("startdatesource", static (in Row _) => "REPORTDATE")
            .Fill(FillerKind.Text, "description", "description_longdescription")
            .Build();
        return new ChildTable("downtimereport", "downtimereport", schema, RowstampRegions.For("downtimereport"), ChildTable.PerParent(0, 2, 0, withId: false));
    }

    // Changes to downtime history: a child of MXAPIASSET on real servers that is empty on every
    // generated asset, so it shows only as moddowntimehist_collectionref.
    private static ChildTable DowntimeHistory()
    {
        var schema = new SchemaBuilder()
            .Long("moddowntimehistid", static (in Row r) => 1_000 + r.Index)
            .Add("assetnum", static (in Row r) => AssetNumAt(r.ParentIndex))
            .Add("siteid", (in Row r) => Layout.SiteOf(r.ParentIndex))
            .Date("startdate", static (in Row r) => r.DaysAgo(1, 30, 900))
            .Amount("downtime", static (in Row r) => r.Amount(3, 0.5, 72))
            .Build();
        return new ChildTable("moddowntimehist", "moddowntimehist", schema, RowstampRegions.For("downtimereport"), ChildTable.PerParent(0, 0, 1_000));
    }
}
