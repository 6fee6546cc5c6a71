using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// MXAPIINVENTORY: 100 KDFAC and 40 LCVIRQ items per unit of scale, in each site's storeroom, every
// one with balances, costs, conditions, receipts and issues (and some pending transfers).
internal static class InventoryGenerator
{
    public static readonly SiteLayout Layout = new(Words.FirstSite, 5, Words.SecondSite, 2);
    private const int BlocksPerScale = 20;
    private static readonly IdSequence Ids = new(700_000, 2, 0x1217);

    public static int CountFor(int scale) => Layout.TotalFor(BlocksPerScale * scale);

    private static string ItemNum(long index) => $"{200001 + Layout.OrdinalOf(index)}";

    private static string Storeroom(long index) => LocationsGenerator.Storeroom(Layout.IsFirst(index));

    private static readonly (string Value, string Description)[] CostTypes =
        [("AVERAGE", "Average cost"), ("STANDARD", "Standard cost"), ("FIFO", "First in, first out"), ("LIFO", "Last in, first out")];
    private static readonly (string Value, string Description)[] IssueTypes =
        [("RECEIPT", "Receipt"), ("TRANSFER", "Transfer"), ("ISSUE", "Issue"), ("RETURN", "Return"), ("INSPECTION", "Inspection")];
    private static readonly (string Value, string Description)[] LineTypes =
        [("ITEM", "Item"), ("MATERIAL", "Material"), ("TOOL", "Tool"), ("SERVICE", "Service")];
    private static readonly (string Value, string Description)[] ReceiptStatuses =
        [("COMP", "Complete"), ("WINSP", "Waiting for inspection"), ("WASSET", "Waiting for asset")];

    public static GeneratedSource Create(ulong seed, int scale)
    {
        var balances = Balances();
        var curbal = balances.Schema.Find("curbal")!;
        // The storeroom's balance is the sum of its bins (invbalances), what is available what is not reserved.
        double BalanceTotal(in Row r)
        {
            var slots = balances.SlotsOf(r);
            var total = 0.0;
            for (var i = 0; i < slots.Count; i++)
            {
                total += (double)curbal.Value(balances.RowOf(r, slots[i], i))!;
            }
            return total;
        }
        var schema = new SchemaBuilder()
            .Add("itemnum", static (in Row r) => ItemNum(r.Index))
            .Add("itemsetid", static (in Row _) => "SET1")
            .Add("location", static (in Row r) => Storeroom(r.Index))
            .Add("siteid", static (in Row r) => Layout.SiteOf(r.Index))
            .Add("orgid", static (in Row _) => Words.Org)
            .Add("inventoryid", static (in Row r) => Ids.At(r.Index))
            .Add("description", static (in Row r) => $"{r.Pick(1, Words.ItemNouns)}, {r.Pick(2, Words.Companies)} {r.Int(3, 100, 999)}")
            .Described("status", static (in Row r) => Statuses.Weighted(r, 4, Statuses.Item, [85, 5, 7, 3]), Statuses.Describer(Statuses.Item))
            .Add("statusdate", static (in Row r) => r.DaysAgo(5, 100, 3000))
            .Add("curbaltotal", (in Row r) => BalanceTotal(r))
            .Add("avblbalance", (in Row r) => Math.Max(0, BalanceTotal(r) - Reserved(r)))
            .Add("reservedqty", static (in Row r) => Reserved(r))
            .Add("invreserveqty", static (in Row r) => Reserved(r))
            .Add("stagedqty", static (in Row r) => r.Chance(41, 90) ? 0.0 : r.Int(42, 1, 5))
            .Add("shippedqty", static (in Row r) => r.Chance(43, 90) ? 0.0 : r.Int(44, 1, 5))
            .Add("expiredqty", static (in Row _) => 0.0)
            .Add("curbal", (in Row r) => BalanceTotal(r))
            .Add("minlevel", static (in Row r) => (double)r.Int(8, 0, 20))
            .Add("maxlevel", static (in Row r) => (double)r.Int(9, 20, 500))
            .Add("orderqty", static (in Row r) => (double)r.Int(10, 1, 50))
            .Add("issueunit", static (in Row r) => r.Pick(11, Words.Units))
            .Add("orderunit", static (in Row r) => r.Pick(11, Words.Units))
            .Add("category", static (in Row r) => r.Chance(12, 85) ? "STK" : "NS")
            .Add("abctype", static (in Row r) => r.Pick(13, (string[])["A", "B", "C"]))
            .Add("ccf", static (in Row r) => (long)r.Int(14, 30, 365))
            .Add("lastissuedate", static (in Row r) => r.Chance(15, 20) ? null : r.DaysAgo(16, 0, 700))
            .Add("issueytd", static (in Row r) => (double)r.Int(17, 0, 200))
            .Add("issue1yrago", static (in Row r) => (double)r.Int(18, 0, 300))
            .Add("issue2yrago", static (in Row r) => (double)r.Int(19, 0, 300))
            .Add("deliverytime", static (in Row r) => (long)r.Int(20, 1, 60))
            .Described("costtype", static (in Row _) => "AVERAGE", Statuses.Describer(CostTypes))
            .Add("glaccount", static (in Row r) => $"6{r.Int(21, 100, 999)}-{r.Int(22, 100, 999)}-000")
            .Add("controlacc", static (in Row _) => "6100-300-000")
            .Add("shrinkageacc", static (in Row _) => "6100-310-000")
            .Add("invcostadjacc", static (in Row _) => "6100-320-000")
            .Add("binnum", static (in Row r) => $"{(char)('A' + r.Int(23, 0, 8))}-{r.Int(24, 1, 40):D2}")
            .Add("vendor", static (in Row r) => r.Pick(25, Words.Companies))
            .Add("manufacturer", static (in Row r) => r.Pick(26, Words.Companies))
            .Add("modelnum", static (in Row r) => r.Chance(27, 40) ? null : $"M-{r.Int(28, 100, 9999)}")
            .Add("catalogcode", static (in Row r) => r.Chance(29, 50) ? null : $"C{r.Int(30, 10000, 99999)}")
            .Add("reorder", static (in Row r) => r.Chance(31, 70))
            .Add("consignment", static (in Row _) => false)
            .Add("hardresissue", static (in Row _) => false)
            .Add("internal", static (in Row _) => false)
            .Add("langcode", static (in Row _) => "EN")
            .Filler("sstock", "lotnum", "conditioncode", "sourcesysid", "ownersysid", "externalrefid")
            .Flags("benchstock", "asl", "statusiface", "autocalcrop", "haschildinvbalance")
            .Add("issue3yrago", static (in Row r) => (double)r.Int(45, 0, 300))
            .Add("itemtype", static (in Row _) => "ITEM")
            .Codes("bincnt")
            .AlwaysNull("pluspcustomer")
            .Filler("ex_criticalspare", "ex_shelflife", "ex_hazmat", "ex_sapmatnr", "ex_buyer", "ka_storezone")
            .Build();
        return new GeneratedSource(ObjectStructures.Inventory, schema, CountFor(scale), seed, Ids, RowstampRegions.For("inventory"),
            [balances, Costs(), Conditions(), Receipts(), Issues(), Transfers()]);
    }

    private static double Reserved(in Row r) => r.Chance(40, 70) ? 0.0 : r.Int(46, 1, 10);

    private static SchemaBuilder ItemKey(SchemaBuilder builder, string idName, long idBase) => builder
        .Add(idName, (in Row r) => idBase + r.Index)
        .Add("itemnum", static (in Row r) => ItemNum(r.ParentIndex))
        .Add("itemsetid", static (in Row _) => "SET1")
        .Add("siteid", static (in Row r) => Layout.SiteOf(r.ParentIndex))
        .Add("orgid", static (in Row _) => Words.Org);

    private static ChildTable Balances() => new("invbalances", "invbalances", ItemKey(new SchemaBuilder(), "invbalancesid", 1_000)
        .Add("location", static (in Row r) => Storeroom(r.ParentIndex))
        .Add("binnum", static (in Row r) => $"{(char)('A' + r.Int(1, 0, 8))}-{r.Int(2, 1, 40):D2}")
        .Add("lotnum", static (in Row r) => r.Chance(3, 70) ? null : $"LOT{r.Int(4, 100, 999)}")
        .Add("conditioncode", static (in Row r) => r.Chance(5, 70) ? null : "NEW")
        .Add("curbal", static (in Row r) => (double)r.Int(6, 0, 200))
        .Add("physcnt", static (in Row r) => (double)r.Int(7, 0, 200))
        .Add("physcntdate", static (in Row r) => r.DaysAgo(8, 0, 400))
        .Add("reconciled", static (in Row r) => r.Chance(9, 80))
        .Add("stagedcurbal", static (in Row _) => 0.0)
        .Add("expiredqty", static (in Row _) => 0.0)
        .Add("nextphycntdate", static (in Row r) => r.DaysAgo(10, -300, 0))
        .Add("adjustedphyscnt", static (in Row r) => r.Chance(11, 10) ? "1" : "0")
        .Add("stagingbin", static (in Row _) => false)
        .Build(), RowstampRegions.For("invbalances"), ChildTable.PerParent(1, 3, 1_000));

    private static ChildTable Costs() => new("invcost", "invcost", ItemKey(new SchemaBuilder(), "invcostid", 1_000)
        .Add("location", static (in Row r) => Storeroom(r.ParentIndex))
        .Add("conditioncode", static (in Row r) => r.Ordinal == 0 ? null : "USED")
        .Add("condrate", static (in Row r) => r.Ordinal == 0 ? 100L : 50L)
        .Add("avgcost", static (in Row r) => r.Amount(1, 1, 900))
        .Add("stdcost", static (in Row r) => r.Amount(2, 1, 900))
        .Add("lastcost", static (in Row r) => r.Amount(3, 1, 900))
        .Add("glaccount", static (in Row _) => "6100-300-000")
        .Add("controlacc", static (in Row _) => "6100-300-000")
        .Build(), RowstampRegions.For("invcost"), ChildTable.PerParent(1, 2, 1_000));

    private static ChildTable Conditions() => new("itemcondition", "itemcondition", ItemKey(new SchemaBuilder(), "itemconditionid", 1_000)
        .Add("conditioncode", static (in Row r) => r.Ordinal == 0 ? "NEW" : "USED")
        .Add("condrate", static (in Row r) => r.Ordinal == 0 ? 100L : 50L)
        .Add("description", static (in Row r) => r.Ordinal == 0 ? "New" : "Used, serviceable")
        .Add("hasld", static (in Row _) => false)
        .Add("langcode", static (in Row _) => "EN")
        .Build(), RowstampRegions.For("itemcondition"), ChildTable.PerParent(1, 2, 1_000));

    // Receipts are wide on real servers (about 75 attributes): most of them are purchasing details.
    private static ChildTable Receipts() => new("matrectrans", "matrectrans", ItemKey(new SchemaBuilder(), "matrectransid", 1_000)
        .Add("tostoreloc", static (in Row r) => Storeroom(r.ParentIndex))
        .Add("fromstoreloc", static (in Row r) => r.Chance(1, 85) ? null : LocationsGenerator.Storeroom(!Layout.IsFirst(r.ParentIndex)))
        .Add("fromsiteid", static (in Row r) => r.Chance(1, 85) ? null : Layout.IsFirst(r.ParentIndex) ? Words.SecondSite : Words.FirstSite)
        .Described("issuetype", static (in Row r) => r.Chance(1, 85) ? "RECEIPT" : "TRANSFER", Statuses.Describer(IssueTypes))
        .Add("quantity", static (in Row r) => (double)r.Int(2, 1, 50))
        .Add("receiptquantity", static (in Row r) => (double)r.Int(2, 1, 50))
        .Add("unitcost", static (in Row r) => r.Amount(3, 1, 900))
        .Add("actualcost", static (in Row r) => r.Amount(3, 1, 900))
        .Add("linecost", static (in Row r) => r.Amount(4, 1, 20_000))
        .Add("transdate", static (in Row r) => r.DaysAgo(5, 0, 1500))
        .Add("actualdate", static (in Row r) => r.DaysAgo(5, 0, 1500))
        .Add("enterby", static (in Row r) => r.Pick(6, Words.Users))
        .Add("ponum", static (in Row r) => $"PO{r.Int(7, 1000, 9999)}")
        .Add("polinenum", static (in Row r) => (long)r.Int(8, 1, 12))
        .Add("qtyoverreceived", static (in Row _) => "0")
        .Add("inspectionrequired", static (in Row r) => r.Chance(9, 10) ? "1" : "0")
        .Filler("actualdate2", "currencycode", "currencylinecost", "currencyunitcost", "exchangerate", "exchangerate2",
            "externalrefid", "financialperiod", "gldebitacct", "glcreditacct", "invoicenum", "loadedcost", "manufacturer",
            "modelnum", "orgrecqty", "packingslipnum", "proratecost", "rejectcode",
            "rejectqty", "remark", "requestedby", "rotassetnum", "shipmentnum", "sourcesysid", "statusdate", "statuschangeby",
            "tobin", "tolot", "totalcurbal", "vendor", "wonum", "refwo", "assetnum", "curbal",
            "oldavgcost", "physcnt", "polinenum2", "positeid", "qtyheld", "qtyrequested", "receivedunit", "sendersysid", "tax1",
            "tax2", "tax3", "tax4", "tax5", "tax6", "tax7", "tax8", "ex_carrier", "ex_waybill", "ex_receivedby")
        .Add("conversion", static (in Row _) => 1.0)
        .Fill(FillerKind.Id, "porevisionnum", "receiptref")
        .Flags("costinfo", "enteredastask", "outside", "prorated", "consignment", "ifscnf", "issue")
        .Described("status", static (in Row r) => r.Chance(12, 90) ? "COMP" : r.Pick(13, ReceiptStatuses).Value, Statuses.Describer(ReceiptStatuses))
        .Described("linetype", static (in Row _) => "ITEM", Statuses.Describer(LineTypes))
        .Codes("commodity", "commoditygroup", "conditioncode", "fromconditioncode", "frombin", "newsite", "ifsresponse")
        .Add("condrate", static (in Row _) => 100L)
        .Fill(FillerKind.Text, "description")
        .Add("enterbyemail", static (in Row r) => $"{r.Pick(6, Words.Users).ToLowerInvariant()}@eagle.example")
        .Amounts("inspectedqty", "linecost2")
        .Build(), RowstampRegions.For("matrectrans"), ChildTable.PerParent(1, 3, 1_000));

    private static ChildTable Issues() => new("matusetrans", "matusetrans", ItemKey(new SchemaBuilder(), "matusetransid", 1_000)
        .Add("storeloc", static (in Row r) => Storeroom(r.ParentIndex))
        .Described("issuetype", static (in Row r) => r.Chance(1, 85) ? "ISSUE" : "RETURN", Statuses.Describer(IssueTypes))
        .Add("quantity", static (in Row r) => -(double)r.Int(2, 1, 10))
        .Add("unitcost", static (in Row r) => r.Amount(3, 1, 900))
        .Add("actualcost", static (in Row r) => r.Amount(3, 1, 900))
        .Add("linecost", static (in Row r) => r.Amount(4, 1, 9_000))
        .Add("transdate", static (in Row r) => r.DaysAgo(5, 0, 900))
        .Add("refwo", static (in Row r) => r.Chance(6, 30) ? null : $"{10001 + r.Int(7, 0, 900)}")
        .Add("issueto", static (in Row r) => r.Pick(8, Words.Users))
        .Add("enterby", static (in Row r) => r.Pick(9, Words.Users))
        .Add("actualdate", static (in Row r) => r.DaysAgo(5, 0, 900))
        .Add("wonum", static (in Row r) => r.Chance(6, 30) ? null : $"{10001 + r.Int(7, 0, 900)}")
        .Add("location", static (in Row r) => r.Chance(6, 30) ? null : LocationsGenerator.NameOf(Layout.IsFirst(r.ParentIndex), r.Int(10, 1, 50)))
        .Add("tositeid", static (in Row r) => Layout.SiteOf(r.ParentIndex))
        .Add("binnum", static (in Row r) => $"{(char)('A' + r.Int(11, 0, 8))}-{r.Int(12, 1, 40):D2}")
        .Add("issueunit", static (in Row r) => r.Pick(13, Words.Units))
        .Add("conversion", static (in Row _) => 1.0)
        .Add("condrate", static (in Row _) => 100L)
        .Add("currencycode", static (in Row _) => "USD")
        .Add("exchangerate", static (in Row _) => 1.0)
        .Add("langcode", static (in Row _) => "EN")
        .Add("financialperiod", static (in Row r) => $"{2020 + r.Int(14, 0, 6)}")
        .Described("linetype", static (in Row _) => "ITEM", Statuses.Describer(LineTypes))
        .Amounts("currencylinecost", "currencyunitcost", "curbal", "physcnt", "qtyrequested", "plusplistprice", "plusplineprice", "pluspbillprice")
        .Fill(FillerKind.Id, "invuseid", "invuselineid", "invuselinesplitid", "mrlinenum", "porevisionnum", "taskid", "wpitemid")
        .Flags("consignment", "enteredastask", "hasld", "outside", "pluspcustprovided", "pluspmatpriceapplied", "plusppriceadj", "rollup", "sparepartadded")
        .Codes("commodity", "commoditygroup", "conditioncode", "gldebitacct", "mrnum")
        .Fill(FillerKind.Text, "description", "memo")
        .Build(), RowstampRegions.For("matusetrans"), ChildTable.PerParent(1, 3, 1_000));

    // transfercuritem rows have no unique id on the wire: keyed by position only.
    private static ChildTable Transfers() => new("transfercuritem", "transfercuritem", new SchemaBuilder()
        .Add("itemnum", static (in Row r) => ItemNum(r.ParentIndex))
        .Add("itemsetid", static (in Row _) => "SET1")
        .Add("fromstoreloc", static (in Row r) => Storeroom(r.ParentIndex))
        .Add("tostoreloc", static (in Row r) => LocationsGenerator.Storeroom(!Layout.IsFirst(r.ParentIndex)))
        .Add("tositeid", static (in Row r) => Layout.IsFirst(r.ParentIndex) ? Words.SecondSite : Words.FirstSite)
        .Add("quantity", static (in Row r) => (double)r.Int(1, 1, 20))
        .Add("unitcost", static (in Row r) => r.Amount(2, 1, 900))
        .Add("linecost", static (in Row r) => r.Amount(3, 1, 9_000))
        .Add("islinear", static (in Row _) => "0")
        .Add("orgid", static (in Row _) => Words.Org)
        .Add("islot", static (in Row _) => false)
        .Add("fromcurbal", static (in Row r) => (double)r.Int(4, 0, 200))
        .Add("fromavblbalance", static (in Row r) => (double)r.Int(5, 0, 150))
        .Add("frombin", static (in Row r) => $"{(char)('A' + r.Int(6, 0, 8))}-{r.Int(7, 1, 40):D2}")
        .Codes("conditioncode", "fromconditioncode")
        .Build(), RowstampRegions.For("transfercuritem"), ChildTable.PerParent(0, 2, 0, withId: false));
}
