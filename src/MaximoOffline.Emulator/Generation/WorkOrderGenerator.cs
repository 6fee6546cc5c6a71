using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// MXAPIWODETAIL: 900 LCVIRQ and 300 KDFAC work orders per unit of scale, spread over open and closed
// statuses (closed and cancelled ones are history), on existing assets and their locations.
internal sealed class WorkOrderGenerator(ulong seed, int scale)
{
    public static readonly SiteLayout Layout = new(Words.SecondSite, 3, Words.FirstSite, 1);
    private const int BlocksPerScale = 300;
    private static readonly IdSequence Ids = new(500_000, 2, 0x3030);
    private static readonly ulong Salt = Hash.OfName("workorder");
    private static readonly (string Value, string Description)[] Priorities =
        [("1", "Emergency"), ("2", "High"), ("3", "Medium"), ("4", "Low"), ("5", "Planned")];
    private static readonly int[] StatusWeights = [14, 14, 12, 8, 7, 0, 10, 30, 5, 0];
    private readonly AssetGenerator _assets = new(seed, scale);

    public static int CountFor(int scale) => Layout.TotalFor(BlocksPerScale * scale);

    private static string Status(in Row r) => Statuses.Weighted(r, 4, Statuses.WorkOrder, StatusWeights);

    private static bool IsHistory(string status) => status is "CLOSE" or "CAN";

    private static bool HasActuals(string status) => status is "INPRG" or "COMP" or "CLOSE";

    private static string SiteOf(long index) => Layout.SiteOf(index);

    private static string WoNum(long index) => $"{10001 + Layout.OrdinalOf(index)}";

    // Most work orders are on an asset of their site (and at its location); some on a location only.
    private long? AssetIndex(in Row r)
    {
        if (r.Chance(40, 10))
        {
            return null;
        }
        var first = SiteOf(r.Index) == Words.FirstSite;
        var ordinal = r.Int(41, 0, AssetGenerator.PerSite(first, scale));
        return AssetGenerator.Layout.IndexOf(first, ordinal);
    }

    private string Location(in Row r)
    {
        if (AssetIndex(r) is { } asset)
        {
            return _assets.LocationAt(asset);
        }
        var first = SiteOf(r.Index) == Words.FirstSite;
        return LocationsGenerator.NameOf(first, r.Int(42, 1, LocationsGenerator.PerSite(first, scale)));
    }

    private static double ReportedDaysAgo(in Row r) => 3 + r.Fraction(43) * 1500;

    private static DateTimeOffset DaysAgo(double days) => EasternTime.At(Anchor.UtcDate.AddDays(-days));

    public GeneratedSource Create()
    {
        var schema = new SchemaBuilder()
            .Add("wonum", static (in Row r) => WoNum(r.Index))
            .Add("workorderid", static (in Row r) => Ids.At(r.Index))
            .Add("siteid", static (in Row r) => SiteOf(r.Index))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("description", static (in Row r) => $"{r.Pick(1, (string[])["Inspect", "Repair", "Replace", "Service", "Calibrate", "Lubricate"])} {r.Pick(2, Words.Equipment).ToLowerInvariant()} - {r.Pick(3, Words.Problems).ToLowerInvariant()}")
            .Described("status", static (in Row r) => Status(r), Statuses.Describer(Statuses.WorkOrder))
            .Add("statusdate", static (in Row r) => DaysAgo(ReportedDaysAgo(r) * r.Fraction(5)))
            .Add("changedate", static (in Row r) => DaysAgo(ReportedDaysAgo(r) * r.Fraction(6) * 0.9))
            .Add("changeby", static (in Row r) => r.Pick(7, Words.Users))
            .Add("historyflag", static (in Row r) => IsHistory(Status(r)))
            .Add("istask", static (in Row _) => false)
            .Described("woclass", static (in Row _) => "WORKORDER", Statuses.Describer(Statuses.WoClass))
            .Add("worktype", static (in Row r) => r.Pick(8, (string[])["CM", "PM", "EM", "CAL", "CP"]))
            .Described("wopriority", static (in Row r) => r.Chance(9, 10) ? null : (object)(long)r.Int(10, 1, 6), Statuses.Describer(Priorities))
            .Add("reportdate", static (in Row r) => DaysAgo(ReportedDaysAgo(r)))
            .Add("reportedby", static (in Row r) => r.Pick(11, Words.Users))
            .Add("targstartdate", static (in Row r) => DaysAgo(ReportedDaysAgo(r) - 2))
            .Add("targcompdate", static (in Row r) => DaysAgo(ReportedDaysAgo(r) - 9))
            .Add("schedstart", static (in Row r) => r.Chance(12, 30) ? null : DaysAgo(ReportedDaysAgo(r) - 3))
            .Add("schedfinish", static (in Row r) => r.Chance(12, 30) ? null : DaysAgo(ReportedDaysAgo(r) - 5))
            .Add("actstart", static (in Row r) => HasActuals(Status(r)) ? DaysAgo(ReportedDaysAgo(r) - 3.5) : null)
            .Add("actfinish", static (in Row r) => Status(r) is "COMP" or "CLOSE" ? DaysAgo(ReportedDaysAgo(r) - 6) : null)
            .Add("assetnum", (in Row r) => AssetIndex(r) is { } a ? AssetGenerator.AssetNumAt(a) : null)
            .Add("location", (in Row r) => Location(r))
            .Add("parent", static (in Row r) => r.Chance(44, 85) ? null : WoNum(Math.Max(0, r.Index - 1 - r.Int(45, 0, 50))))
            .Add("estdur", static (in Row r) => r.Amount(13, 0.5, 24))
            .Add("estlabhrs", static (in Row r) => r.Amount(14, 0, 40))
            .Add("estlabcost", static (in Row r) => r.Amount(15, 0, 4000))
            .Add("estmatcost", static (in Row r) => r.Amount(16, 0, 6000))
            .Add("esttoolcost", static (in Row r) => r.Amount(17, 0, 300))
            .Add("actlabhrs", static (in Row r) => HasActuals(Status(r)) ? r.Amount(18, 0, 40) : 0.0)
            .Add("actlabcost", static (in Row r) => HasActuals(Status(r)) ? r.Amount(19, 0, 4000) : 0.0)
            .Add("actmatcost", static (in Row r) => HasActuals(Status(r)) ? r.Amount(20, 0, 6000) : 0.0)
            .Add("acttoolcost", static (in Row r) => 0.0)
            .Add("acttotalcost", static (in Row r) => HasActuals(Status(r)) ? r.Amount(21, 0, 10000) : 0.0)
            .Add("glaccount", static (in Row r) => $"6{r.Int(22, 100, 999)}-{r.Int(23, 100, 999)}-000")
            .Add("supervisor", static (in Row r) => r.Chance(24, 40) ? null : r.Pick(25, Words.Users))
            .Add("lead", static (in Row r) => r.Chance(26, 50) ? null : r.Pick(27, Words.Users))
            .Add("persongroup", static (in Row r) => r.Chance(28, 50) ? null : r.Pick(29, Words.Crafts))
            .Add("failurecode", static (in Row r) => r.Chance(30, 50) ? null : r.Pick(31, Words.FailureCodes))
            .Add("problemcode", static (in Row r) => r.Chance(32, 60) ? null : r.Pick(33, Words.Problems))
            .Add("downtime", static (in Row r) => r.Chance(34, 20))
            .Add("interruptible", static (in Row _) => false)
            .Add("langcode", static (in Row _) => "EN")
            .Add("hasld", static (in Row r) => r.Chance(35, 10))
            .Add("wolo1", static (in Row _) => null)
            .Filler("jpnum", "pmnum", "crewid", "calendar", "shiftnum", "chargestore", "outreq", "hasfollowupwork", "ignorediavail",
                "ignoresrmavail", "ignoremrpavail", "aos", "ams", "apptrequired", "flowcontrolled", "flowactionassist", "suspendflow",
                "woisswap", "inctasksinsched", "nestedjpinprocess", "classstructureid", "commodity", "commoditygroup",
                "contract", "cinum", "fincntrlid", "generatedforpo", "estatapprlabhrs", "estatapprlabcost", "estatapprmatcost",
                "estatapprtoolcost", "estatapprservcost", "estservcost", "actservcost", "outlabcost", "outmatcost", "outtoolcost",
                "firstapprstatus", "jpincluded", "measurementvalue", "measuredate", "meterreading", "origrecordid",
                "origrecordclass", "pluscfrequency", "pluscfrequnit", "pluscjprevnum", "pluscloop", "plusclplink",
                "pluscnextdate", "pluscoverduedate", "pluscphyloc", "pluscprevnextdate", "plusctype", "pmduedate", "pmnextduedate",
                "pointnum", "repairlocflag", "respondby", "sendersysid", "sourcesysid", "ownersysid", "externalrefid", "storeroommtlstatus",
                "targcompdate2", "vendor", "wfid", "wogroup", "wojo1", "wojo2", "wojo3", "wojo4",
                "wol1", "wol2", "wol3", "wol4", "woeq1", "woeq2", "woeq3", "woeq4", "woeq5", "woeq6", "workpackmtlstatus", "worklocation")
            .AlwaysNull("pluspcustomer", "pluspagreement")
            // What real servers send beside those: Maximo's internal and outside labour figures, more
            // flags, and the industry add-ons' (plusg, plusp).
            .Fill(FillerKind.Id, "jobtaskid", "taskid")
            .Fill(FillerKind.Count, "calcpriority")
            .Flags("lms", "pluscismobile", "reqasstdwntime", "woacceptscharges", "disabled", "dladcma", "haschildren", "los", "milestone",
                "parentchgsstatus", "statusiface", "template")
            .Amounts("actintlabcost", "actintlabhrs", "actoutlabcost", "actoutlabhrs", "estatapprintlabcost", "estatapprintlabhrs",
                "estatapproutlabcost", "estatapproutlabhrs", "estintlabcost", "estintlabhrs", "estoutlabcost", "estoutlabhrs", "esttotalcost")
            .Codes("assignedownergroup", "autolocate", "djpapplied", "newchildclass", "owner", "phone")
            .Add("createdby", static (in Row r) => r.Pick(11, Words.Users))
            .Dates("lastcopylinkdate")
            .Flags("plusgaarrequired", "plusgactcompleted", "plusgactexternal", "plusgactrequired", "plusgassactivity", "plusgassactivityimp",
                "plusgauditreq", "plusgcapex", "plusgccf", "plusgcomcrit", "plusgcontinplan", "plusgcopyrevactrsk", "plusgcrittoqual",
                "plusgdefmeasreq", "plusgdocsattached", "plusgenvcrit", "plusgfailfix", "plusghassafetycrit", "plusghighrisk", "plusgimpreqd",
                "plusglesslearned", "plusglock", "plusglongterm", "plusgmigrationreq", "plusgmpoverride", "plusgpass", "plusgpostactcomp",
                "plusgprepactiv", "plusgqualitycritical", "plusgreviewed", "plusgreviewreq", "plusgsafetycrit", "plusgscheddev", "plusgtemp",
                "plusgtestcert", "plusgtgtdatemod")
            .Flags("pluspallowquote", "pluspallowquotelabor", "pluspallowquotematerial", "pluspallowquoteservice", "pluspbillapproved", "pluspporeq")
            .Filler("ex_permitreq", "ex_permitnum", "ex_safetyplan", "ex_costcenter", "ex_contractor", "ex_ponum", "ex_priorityjust",
                "ex_riskscore", "ex_shutdownreq", "ex_lototag", "ex_inspectedby", "ex_inspdate", "ex_signoffby", "ex_signoffdate",
                "ex_mobileid", "ex_region", "ex_workzone", "ex_energyimpact", "ex_customerref", "ex_billable", "ex_billcode",
                "ex_slatarget", "ex_slabreach", "ka_workgroup", "ka_crewsize", "lc_areacode", "lc_shift", "plusgpermitnum")
            .Build();
        return new GeneratedSource(ObjectStructures.WoDetail, schema, CountFor(scale), seed, Ids, RowstampRegions.For("workorder"),
        [
            ServiceAddress(), Labor(), Materials(), Tools(), LabTrans(), MatUseTrans(), ToolTrans(), WorkLog(), FailureReports(),
            DocLinksTable.Create("WORKORDER", i => Ids.At(i), 2, 100_000_000),
        ]);
    }

    private static ChildTable Table(string name, long idBase, int max, SchemaBuilder builder, string? idName = null, bool actualsOnly = false, string? relation = null)
    {
        var idAttribute = idName ?? name + "id";
        var schema = new SchemaBuilder().Add(idAttribute, (in Row r) => idBase + r.Index)
            .Add("wonum", static (in Row r) => WoNum(r.ParentIndex))
            .Add("siteid", static (in Row r) => SiteOf(r.ParentIndex))
            .Add("orgid", static (in Row _) => Words.Org);
        foreach (var attribute in builder.Build().Attributes)
        {
            schema.Add(attribute);
        }
        var slots = ChildTable.PerParent(0, max, idBase);
        SlotFn chosen = actualsOnly
            ? (in Row parent) => HasActuals(Status(new Row(parent.Seed, Salt, parent.Index))) ? slots(parent) : []
            : slots;
        return new ChildTable(name, relation ?? name, schema.Build(), RowstampRegions.For(name), chosen, idAttribute: idAttribute);
    }

    private static ChildTable ServiceAddress() => Table("woserviceaddress", 1_000, 1, new SchemaBuilder()
        .Add("addresscode", static (in Row r) => $"SA{r.Index}")
        .Add("streetaddress", static (in Row r) => $"{r.Int(1, 10, 9999)} {r.Pick(2, Words.LastNames)} Avenue")
        .Add("city", static (in Row r) => r.Pick(3, (string[])["Kingston", "Dover", "Albany", "Richmond"]))
        .Add("stateprovince", static (in Row r) => r.Pick(4, (string[])["NY", "DE", "VA"]))
        .Add("postalcode", static (in Row r) => $"{r.Int(5, 10000, 99999)}")
        .Add("country", static (in Row _) => "US")
        .Add("latitudey", static (in Row r) => r.Amount(6, 38, 43))
        .Add("longitudex", static (in Row r) => -r.Amount(7, 73, 78))
        .Add("addressischanged", static (in Row r) => r.Chance(8, 5))
        .Add("hasld", static (in Row _) => false)
        .Add("langcode", static (in Row _) => "EN"), relation: "serviceaddress");

    private static ChildTable Labor() => Table("wplabor", 1_000, 3, new SchemaBuilder()
        .Add("craft", static (in Row r) => r.Pick(1, Words.Crafts))
        .Add("skilllevel", static (in Row r) => r.Pick(2, (string[])["FIRSTCLASS", "SECONDCLASS", "APPRENTICE"]))
        .Add("laborcode", static (in Row r) => r.Chance(3, 60) ? null : r.Pick(4, Words.Users))
        .Add("quantity", static (in Row r) => (long)r.Int(5, 1, 4))
        .Add("laborhrs", static (in Row r) => r.Amount(6, 0.5, 16))
        .Add("rate", static (in Row r) => r.Amount(7, 25, 95))
        .Add("linecost", static (in Row r) => r.Amount(8, 20, 3000))
        .Add("vendor", static (in Row _) => null)
        .Add("rateclassification", static (in Row r) => r.Chance(9, 80) ? "1" : "0"));

    private static ChildTable Materials() => Table("wpmaterial", 1_000, 3, new SchemaBuilder()
        .Add("itemnum", static (in Row r) => $"{200001 + r.Int(1, 0, 100)}")
        .Add("itemsetid", static (in Row _) => "SET1")
        .Add("description", static (in Row r) => r.Pick(2, Words.ItemNouns))
        .Add("itemqty", static (in Row r) => (double)r.Int(3, 1, 12))
        .Add("unitcost", static (in Row r) => r.Amount(4, 1, 900))
        .Add("linecost", static (in Row r) => r.Amount(5, 1, 9000))
        .Add("location", static (in Row r) => LocationsGenerator.Storeroom(SiteOf(r.ParentIndex) == Words.FirstSite))
        .Add("linetype", static (in Row _) => "ITEM")
        .Add("directreq", static (in Row r) => r.Chance(6, 10) ? "1" : "0")
        .Add("requestby", static (in Row r) => r.Pick(7, Words.Users)), "wpitemid");

    private static ChildTable Tools() => Table("wptool", 50_000_000, 2, new SchemaBuilder()
        .Add("itemnum", static (in Row r) => r.Pick(1, (string[])["TOOL-DRILL", "TOOL-MULTIMETER", "TOOL-TORQUE", "TOOL-LIFT"]))
        .Add("itemsetid", static (in Row _) => "SET1")
        .Add("itemqty", static (in Row r) => (double)r.Int(2, 1, 3))
        .Add("hours", static (in Row r) => r.Amount(3, 0.5, 8))
        .Add("rate", static (in Row r) => r.Amount(4, 5, 60))
        .Add("linecost", static (in Row r) => r.Amount(5, 5, 500)), "wpitemid");

    private static ChildTable LabTrans() => Table("labtrans", 1_000, 3, new SchemaBuilder()
        .Add("laborcode", static (in Row r) => r.Pick(1, Words.Users))
        .Add("craft", static (in Row r) => r.Pick(2, Words.Crafts))
        .Add("startdate", static (in Row r) => r.DaysAgo(3, 1, 900))
        .Add("starttime", static (in Row r) => r.DaysAgo(3, 1, 900))
        .Add("finishdate", static (in Row r) => r.DaysAgo(4, 0, 1))
        .Add("regularhrs", static (in Row r) => r.Amount(5, 0.5, 10))
        .Add("premiumpayhours", static (in Row r) => 0.0)
        .Add("payrate", static (in Row r) => r.Amount(6, 25, 95))
        .Add("linecost", static (in Row r) => r.Amount(7, 10, 900))
        .Add("transtype", static (in Row _) => "WORK")
        .Add("genapprservreceipt", static (in Row r) => r.Chance(8, 70))
        .Add("enterby", static (in Row r) => r.Pick(9, Words.Users))
        .Add("enterdate", static (in Row r) => r.DaysAgo(10, 0, 900)), actualsOnly: true);

    private static ChildTable MatUseTrans() => Table("matusetrans", 100_000_000, 2, new SchemaBuilder()
        .Add("itemnum", static (in Row r) => $"{200001 + r.Int(1, 0, 100)}")
        .Add("itemsetid", static (in Row _) => "SET1")
        .Add("storeloc", static (in Row r) => LocationsGenerator.Storeroom(SiteOf(r.ParentIndex) == Words.FirstSite))
        .Add("issuetype", static (in Row _) => "ISSUE")
        .Add("quantity", static (in Row r) => -(double)r.Int(2, 1, 10))
        .Add("unitcost", static (in Row r) => r.Amount(3, 1, 500))
        .Add("actualcost", static (in Row r) => r.Amount(4, 1, 500))
        .Add("linecost", static (in Row r) => r.Amount(5, 1, 5000))
        .Add("transdate", static (in Row r) => r.DaysAgo(6, 0, 900))
        .Add("actualdate", static (in Row r) => r.DaysAgo(6, 0, 900))
        .Add("enterby", static (in Row r) => r.Pick(7, Words.Users)), actualsOnly: true);

    private static ChildTable ToolTrans() => Table("tooltrans", 1_000, 1, new SchemaBuilder()
        .Add("itemnum", static (in Row r) => r.Pick(1, (string[])["TOOL-DRILL", "TOOL-MULTIMETER", "TOOL-TORQUE"]))
        .Add("itemsetid", static (in Row _) => "SET1")
        .Add("toolhrs", static (in Row r) => r.Amount(2, 0.5, 8))
        .Add("toolrate", static (in Row r) => r.Amount(3, 5, 60))
        .Add("linecost", static (in Row r) => r.Amount(4, 5, 400))
        .Add("transdate", static (in Row r) => r.DaysAgo(5, 0, 900))
        .Add("enterby", static (in Row r) => r.Pick(6, Words.Users)), actualsOnly: true);

    private static ChildTable WorkLog() => Table("worklog", 1_000, 3, new SchemaBuilder()
        .Add("recordkey", static (in Row r) => WoNum(r.ParentIndex))
        .Add("class", static (in Row _) => "WORKORDER")
        .Add("logtype", static (in Row r) => r.Pick(1, (string[])["CLIENTNOTE", "WORK", "UPDATE"]))
        .Add("description", static (in Row r) => FillerValues.Text(r, 2, 3, 9))
        .Add("createby", static (in Row r) => r.Pick(3, Words.Users))
        .Add("createdate", static (in Row r) => r.DaysAgo(4, 0, 1500))
        .Add("clientviewable", static (in Row r) => r.Chance(5, 30) ? "1" : "0")
        .Add("modifyby", static (in Row r) => r.Pick(6, Words.Users))
        .Add("modifydate", static (in Row r) => r.DaysAgo(7, 0, 900)), "worklogid");

    private static ChildTable FailureReports() => Table("failurereport", 100_000_000, 3, new SchemaBuilder()
        .Add("failurecode", static (in Row r) => r.Ordinal switch { 0 => r.Pick(1, Words.Problems), 1 => r.Pick(2, Words.Causes), _ => r.Pick(3, Words.Remedies) })
        .Add("type", static (in Row r) => r.Ordinal switch { 0 => "PROBLEM", 1 => "CAUSE", _ => "REMEDY" })
        .Add("linenum", static (in Row r) => (long)r.Ordinal + 1));
}
