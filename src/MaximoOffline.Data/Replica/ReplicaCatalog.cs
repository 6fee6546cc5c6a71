namespace MaximoOffline.Data.Replica;

/// <summary>
/// Every replica table, under Maximo's object and attribute names, with the typed columns people
/// filter and read. Attributes not listed here are kept in each row's <c>raw</c> JSON.
/// </summary>
public static class ReplicaCatalog
{
    // MXAPIPERUSER: person → maxuser → groupuser → maxgroup (a group is shared by its memberships).
    public static readonly ReplicaTable Person = ReplicaTable.Root("person", "personuid", "personid")
        .Text("personid", "displayname", "firstname", "lastname", "title", "department", "supervisor",
              "status", "primaryemail", "primaryphone", "locationorg", "locationsite", "location", "employeetype")
        .Date("statusdate")
        .Searchable("personid", "displayname", "primaryemail", "title", "department");

    public static readonly ReplicaTable MaxUser = ReplicaTable.Child("maxuser", "maxuserid", Person)
        .Text("userid", "loginid", "personid", "status", "type", "defsite", "defstoreroom")
        .Flag("sysuser", "querywithsite");

    public static readonly ReplicaTable GroupUser = ReplicaTable.Child("groupuser", "groupuserid", MaxUser)
        .Text("groupname", "userid");

    public static readonly ReplicaTable MaxGroup = ReplicaTable.SharedReference("maxgroup", "maxgroupid", GroupUser, "groupname")
        .Text("groupname", "description")
        .Flag("authallsites", "authallstorerooms", "independent");

    // MXAPILOCATIONS
    public static readonly ReplicaTable Locations = ReplicaTable.Root("locations", "locationsid", "location", "siteid")
        .Text("location", "siteid", "orgid", "description", "type", "status", "glaccount", "changeby", "parent")
        .Flag("disabled")
        .Date("statusdate", "changedate")
        .Searchable("location", "description");

    // MXAPIASSET
    public static readonly ReplicaTable Asset = ReplicaTable.Root("asset", "assetuid", "assetnum", "siteid")
        .Text("assetnum", "siteid", "orgid", "description", "status", "location", "parent", "assettype",
              "assettag", "serialnum", "manufacturer", "vendor", "itemnum", "changeby")
        .Integer("priority")
        .Real("purchaseprice", "totalcost")
        .Flag("isrunning", "disabled")
        .Date("statusdate", "installdate", "changedate")
        .Searchable("assetnum", "description", "serialnum", "location");

    public static readonly ReplicaTable AssetMeter = ReplicaTable.Child("assetmeter", "assetmeterid", Asset)
        .Text("assetnum", "siteid", "metername", "lastreading")
        .Real("average")
        .Flag("active")
        .Date("lastreadingdate");

    public static readonly ReplicaTable AssetSpec = ReplicaTable.Child("assetspec", "assetspecid", Asset)
        .Text("assetnum", "siteid", "assetattrid", "alnvalue", "measureunitid")
        .Real("numvalue")
        .Date("changedate");

    public static readonly ReplicaTable ServiceAddress = ReplicaTable.Child("serviceaddress", "serviceaddressid", Asset)
        .Text("addresscode", "description", "streetaddress", "city", "stateprovince", "postalcode", "country")
        .Real("latitudey", "longitudex");

    public static readonly ReplicaTable DowntimeReport = ReplicaTable.PositionalChild("downtimereport", Asset)
        .Text("assetnum", "siteid", "code")
        .Real("downtime")
        .Date("startdate", "enddate");

    // MXAPIDOMAIN: maxdomain → value lists; table domains → crossover domains.
    public static readonly ReplicaTable MaxDomain = ReplicaTable.Root("maxdomain", "maxdomainid", "domainid")
        .Text("domainid", "description", "domaintype", "maxtype")
        .Integer("length", "scale")
        .Searchable("domainid", "description");

    public static readonly ReplicaTable SynonymDomain = ReplicaTable.Child("synonymdomain", "synonymdomainid", MaxDomain)
        .Text("domainid", "maxvalue", "value", "description", "siteid", "orgid")
        .Flag("defaults")
        .Searchable("value", "description");

    public static readonly ReplicaTable AlnDomain = ReplicaTable.Child("alndomain", "alndomainid", MaxDomain)
        .Text("domainid", "value", "description", "siteid", "orgid")
        .Searchable("value", "description");

    public static readonly ReplicaTable NumericDomain = ReplicaTable.Child("numericdomain", "numericdomainid", MaxDomain)
        .Text("domainid", "description", "siteid", "orgid")
        .Real("value");

    public static readonly ReplicaTable MaxTableDomain = ReplicaTable.Child("maxtabledomain", "maxtabledomainid", MaxDomain)
        .Text("domainid", "objectname", "validtnwhereclause", "siteid", "orgid");

    public static readonly ReplicaTable CrossoverDomain = ReplicaTable.Child("crossoverdomain", "crossoverdomainid", MaxTableDomain)
        .Text("domainid", "sourcefield", "destfield")
        .Integer("sequence");

    // MXAPIWODETAIL
    public static readonly ReplicaTable WorkOrder = ReplicaTable.Root("workorder", "workorderid", "siteid", "wonum")
        .Text("wonum", "siteid", "orgid", "description", "status", "woclass", "worktype", "assetnum", "location",
              "parent", "jpnum", "pmnum", "supervisor", "lead", "crewid", "persongroup", "changeby")
        .Integer("wopriority")
        .Real("estdur", "estlabhrs", "actlabhrs", "esttotalcost", "acttotalcost")
        .Flag("historyflag", "istask")
        .Date("statusdate", "reportdate", "targstartdate", "targcompdate", "schedstart", "schedfinish",
              "actstart", "actfinish", "changedate")
        .Searchable("wonum", "description", "assetnum", "location");

    public static readonly ReplicaTable WoServiceAddress = ReplicaTable.Child("woserviceaddress", "woserviceaddressid", WorkOrder)
        .Text("wonum", "siteid", "addresscode", "description", "streetaddress", "city", "stateprovince", "postalcode", "country")
        .Real("latitudey", "longitudex");

    public static readonly ReplicaTable WpLabor = ReplicaTable.Child("wplabor", "wplaborid", WorkOrder)
        .Text("wonum", "siteid", "craft", "skilllevel", "laborcode", "vendor")
        .Integer("quantity")
        .Real("laborhrs", "rate", "linecost");

    public static readonly ReplicaTable WpMaterial = ReplicaTable.Child("wpmaterial", "wpitemid", WorkOrder)
        .Text("wonum", "siteid", "itemnum", "itemsetid", "location", "description", "issueunit", "linetype")
        .Real("itemqty", "unitcost", "linecost")
        .Date("requiredate");

    public static readonly ReplicaTable WpTool = ReplicaTable.Child("wptool", "wpitemid", WorkOrder)
        .Text("wonum", "siteid", "itemnum", "itemsetid", "description")
        .Real("itemqty", "hours", "rate", "linecost");

    public static readonly ReplicaTable LabTrans = ReplicaTable.Child("labtrans", "labtransid", WorkOrder)
        .Text("refwo", "siteid", "laborcode", "craft", "transtype")
        .Real("regularhrs", "premiumpayhours", "payrate", "linecost")
        .Flag("genapprservreceipt")
        .Date("startdatetime", "finishdatetime", "transdate");

    public static readonly ReplicaTable ToolTrans = ReplicaTable.Child("tooltrans", "tooltransid", WorkOrder)
        .Text("refwo", "siteid", "itemnum", "itemsetid", "assetnum")
        .Real("toolqty", "toolhrs", "toolrate", "linecost")
        .Date("transdate");

    public static readonly ReplicaTable WorkLog = ReplicaTable.Child("worklog", "worklogid", WorkOrder)
        .Text("recordkey", "class", "siteid", "logtype", "description", "createby")
        .Flag("clientviewable")
        .Date("createdate", "modifydate");

    // MXAPIINVENTORY
    public static readonly ReplicaTable Inventory = ReplicaTable.Root("inventory", "inventoryid", "itemnum", "itemsetid", "location", "siteid")
        .Text("itemnum", "itemsetid", "location", "siteid", "orgid", "status", "issueunit", "orderunit", "binnum",
              "category", "abctype", "vendor", "description")
        .Real("curbaltotal", "avblbalance", "minlevel", "maxlevel", "orderqty", "deliverytime", "avgcost", "lastcost", "stdcost")
        .Flag("reorder")
        .Date("statusdate", "lastissuedate")
        .Searchable("itemnum", "description");

    public static readonly ReplicaTable InvBalances = ReplicaTable.Child("invbalances", "invbalancesid", Inventory)
        .Text("itemnum", "itemsetid", "location", "siteid", "binnum", "lotnum", "conditioncode")
        .Real("curbal", "physcnt", "reservedqty")
        .Flag("stagingbin")
        .Date("physcntdate");

    public static readonly ReplicaTable InvCost = ReplicaTable.Child("invcost", "invcostid", Inventory)
        .Text("itemnum", "itemsetid", "location", "siteid", "conditioncode", "glaccount")
        .Real("avgcost", "lastcost", "stdcost", "condrate");

    public static readonly ReplicaTable ItemCondition = ReplicaTable.Child("itemcondition", "itemconditionid", Inventory)
        .Text("itemnum", "itemsetid", "conditioncode", "description")
        .Real("condrate");

    public static readonly ReplicaTable MatRecTrans = ReplicaTable.Child("matrectrans", "matrectransid", Inventory)
        .Text("itemnum", "itemsetid", "tostoreloc", "fromstoreloc", "siteid", "issuetype", "ponum", "status", "binnum", "enterby")
        .Real("quantity", "receiptquantity", "unitcost", "linecost")
        .Date("transdate", "actualdate");

    public static readonly ReplicaTable TransferCurItem = ReplicaTable.PositionalChild("transfercuritem", Inventory)
        .Text("itemnum", "itemsetid", "fromstoreloc", "tostoreloc", "siteid", "tositeid", "frombin", "tobin")
        .Real("quantity", "unitcost");

    // Objects that Maximo nests under more than one object structure: stored once, one owner column per parent.
    public static readonly ReplicaTable FailureReport = ReplicaTable.Child("failurereport", "failurereportid", Asset, WorkOrder)
        .Text("wonum", "assetnum", "siteid", "orgid", "failurecode", "type", "linenum");

    public static readonly ReplicaTable DocLinks = ReplicaTable.Child("doclinks", "doclinksid", "describedBy.identifier", Asset, WorkOrder)
        .Nested("docinfoid", ColumnKind.Integer, "describedBy.docinfoid")
        .Nested("ownertable", ColumnKind.Text, "describedBy.ownertable")
        .Nested("ownerid", ColumnKind.Integer, "describedBy.ownerid")
        .Nested("document", ColumnKind.Text, "describedBy.title")
        .Nested("description", ColumnKind.Text, "describedBy.description")
        .Nested("doctype", ColumnKind.Text, "describedBy.docType")
        .Nested("urltype", ColumnKind.Text, "describedBy.urlType")
        .Nested("urlname", ColumnKind.Text, "describedBy.fileName")
        .Nested("createby", ColumnKind.Text, "describedBy.createby")
        .Nested("createdate", ColumnKind.Date, "describedBy.created")
        .Nested("changedate", ColumnKind.Date, "describedBy.modified");

    public static readonly ReplicaTable MatUseTrans = ReplicaTable.Child("matusetrans", "matusetransid", WorkOrder, Inventory)
        .Text("itemnum", "itemsetid", "storeloc", "siteid", "refwo", "assetnum", "location", "issuetype", "binnum", "enterby")
        .Real("quantity", "unitcost", "linecost")
        .Date("transdate", "actualdate");

    /// <summary>Every replica table, parents before their children.</summary>
    public static IReadOnlyList<ReplicaTable> All { get; } =
    [
        Person, MaxUser, GroupUser, MaxGroup,
        Locations,
        Asset, AssetMeter, AssetSpec, ServiceAddress, DowntimeReport,
        MaxDomain, SynonymDomain, AlnDomain, NumericDomain, MaxTableDomain, CrossoverDomain,
        WorkOrder, WoServiceAddress, WpLabor, WpMaterial, WpTool, LabTrans, ToolTrans, WorkLog,
        Inventory, InvBalances, InvCost, ItemCondition, MatRecTrans, TransferCurItem,
        FailureReport, DocLinks, MatUseTrans,
    ];
}
