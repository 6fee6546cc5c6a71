using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Replica.ReplicaCatalog;

namespace MaximoOffline.Data.Workspace;

/// <summary>The six kinds of record the offline workspace shows, as planners and technicians know them from Maximo.</summary>
public static class WorkspaceKinds
{
    private static readonly string[] AtSite = ["siteid"];

    public static readonly WorkspaceKind Assets = new()
    {
        Slug = "assets", Title = "Assets", Singular = "asset", Table = Asset, NumberColumn = "assetnum",
        Columns = [new("assetnum", "Asset"), new("description", "Description"), new("status", "Status", Described: true),
                   new("location", "Location"), new("assettype", "Type"), new("priority", "Priority"), new("siteid", "Site")],
        Sorts = ["assetnum", "description", "status", "location"],
        References = [new("Location", "locations", ["location", "siteid"], ["location", "siteid"]),
                      new("Parent asset", "assets", ["parent", "siteid"], ["assetnum", "siteid"])],
        Related = [new("Open work orders", "workorders", ["assetnum", "siteid"], ["assetnum", "siteid"], OpenOnly: true)],
        Children =
        [
            new("Meters", AssetMeter, ["metername", "lastreading", "lastreadingdate", "average", "active"], "metername"),
            new("Specifications", AssetSpec, ["assetattrid", "alnvalue", "numvalue", "measureunitid"], "assetattrid"),
            new("Downtime", DowntimeReport, ["code", "startdate", "enddate", "downtime"], "startdate"),
            new("Attachments", DocLinks, ["document", "description", "doctype", "createdate"], "document"),
            new("Failure history", FailureReport, ["failurecode", "type", "wonum", "linenum"], "linenum"),
            new("Service address", ServiceAddress, ["addresscode", "streetaddress", "city", "stateprovince", "postalcode"], "addresscode"),
        ],
    };

    public static readonly WorkspaceKind Locations = new()
    {
        Slug = "locations", Title = "Locations", Singular = "location", Table = ReplicaCatalog.Locations, NumberColumn = "location",
        Columns = [new("location", "Location"), new("description", "Description"), new("type", "Type", Described: true),
                   new("status", "Status", Described: true), new("parent", "Parent"), new("siteid", "Site")],
        Sorts = ["location", "description", "type", "status"],
        References = [new("Parent", "locations", ["parent", "siteid"], ["location", "siteid"])],
        Related =
        [
            new("Child locations", "locations", ["location", "siteid"], ["parent", "siteid"]),
            new("Assets here", "assets", ["location", "siteid"], ["location", "siteid"]),
            new("Open work orders here", "workorders", ["location", "siteid"], ["location", "siteid"], OpenOnly: true),
        ],
    };

    public static readonly WorkspaceKind WorkOrders = new()
    {
        Slug = "workorders", Title = "Work orders", Singular = "work order", Table = WorkOrder, NumberColumn = "wonum",
        Columns = [new("wonum", "Work order"), new("description", "Description"), new("status", "Status", Described: true),
                   new("wopriority", "Priority"), new("assetnum", "Asset"), new("location", "Location"),
                   new("targstartdate", "Target start"), new("schedstart", "Scheduled start"), new("siteid", "Site")],
        Sorts = ["wonum", "status", "wopriority", "targstartdate", "schedstart"],
        ClosedStatuses = ["COMP", "CLOSE", "CAN"],
        References = [new("Asset", "assets", ["assetnum", "siteid"], ["assetnum", "siteid"]),
                      new("Location", "locations", ["location", "siteid"], ["location", "siteid"]),
                      new("Parent work order", "workorders", ["parent", "siteid"], ["wonum", "siteid"])],
        Children =
        [
            new("Planned labour", WpLabor, ["craft", "skilllevel", "laborcode", "quantity", "laborhrs"], "craft"),
            new("Planned materials", WpMaterial, ["itemnum", "description", "itemqty", "issueunit", "location", "linecost"], "itemnum")
            {
                Links = [new("Inventory", "inventory", ["itemnum", "itemsetid", "location", "siteid"], ["itemnum", "itemsetid", "location", "siteid"])],
            },
            new("Planned tools", WpTool, ["itemnum", "description", "itemqty", "hours"], "itemnum"),
            new("Labour transactions", LabTrans, ["laborcode", "craft", "startdatetime", "regularhrs", "transtype", "linecost"], "startdatetime"),
            new("Material transactions", MatUseTrans, ["itemnum", "storeloc", "quantity", "issuetype", "transdate", "linecost"], "transdate")
            {
                Links = [new("Inventory", "inventory", ["itemnum", "itemsetid", "storeloc", "siteid"], ["itemnum", "itemsetid", "location", "siteid"])],
            },
            new("Tool transactions", ToolTrans, ["itemnum", "toolhrs", "toolrate", "transdate"], "transdate"),
            new("Work log", WorkLog, ["createdate", "logtype", "createby", "description"], "createdate"),
            new("Attachments", DocLinks, ["document", "description", "doctype", "createdate"], "document"),
            new("Failure report", FailureReport, ["failurecode", "type", "linenum"], "linenum"),
            new("Service address", WoServiceAddress, ["addresscode", "streetaddress", "city", "stateprovince", "postalcode"], "addresscode"),
        ],
    };

    public static readonly WorkspaceKind Inventory = new()
    {
        Slug = "inventory", Title = "Inventory", Singular = "item", Table = ReplicaCatalog.Inventory, NumberColumn = "itemnum",
        Columns = [new("itemnum", "Item"), new("description", "Description"), new("location", "Storeroom"), new("binnum", "Default bin"),
                   new("curbaltotal", "Balance"), new("issueunit", "Unit"), new("status", "Status", Described: true), new("siteid", "Site")],
        Sorts = ["itemnum", "description", "curbaltotal", "status"],
        References = [new("Storeroom", "locations", ["location", "siteid"], ["location", "siteid"])],
        Children =
        [
            new("Balances", InvBalances, ["binnum", "lotnum", "conditioncode", "curbal", "physcnt", "physcntdate"], "binnum"),
            new("Costs", InvCost, ["conditioncode", "avgcost", "lastcost", "stdcost"], "conditioncode"),
            new("Conditions", ItemCondition, ["conditioncode", "description", "condrate"], "conditioncode"),
            new("Receipts", MatRecTrans, ["transdate", "issuetype", "quantity", "ponum", "tostoreloc", "binnum"], "transdate"),
            new("Issues", MatUseTrans, ["transdate", "issuetype", "quantity", "refwo", "binnum", "linecost"], "transdate")
            {
                Links = [new("Work order", "workorders", ["refwo", "siteid"], ["wonum", "siteid"])],
            },
            new("Transfers", TransferCurItem, ["fromstoreloc", "tostoreloc", "frombin", "tobin", "quantity"], "rowkey"),
        ],
    };

    public static readonly WorkspaceKind People = new()
    {
        Slug = "people", Title = "People", Singular = "person", Table = Person, NumberColumn = "personid", DescriptionColumn = "displayname",
        Columns = [new("personid", "Person"), new("displayname", "Name"), new("title", "Title"), new("department", "Department"),
                   new("status", "Status", Described: true), new("primaryemail", "Email")],
        Sorts = ["personid", "displayname", "department", "status"],
        References = [new("Supervisor", "people", ["supervisor"], ["personid"])],
        Children =
        [
            new("Users", MaxUser, ["userid", "loginid", "status", "type", "defsite"], "userid"),
            new("Security groups", GroupUser, ["groupname", "userid"], "groupname", Via: MaxUser),
        ],
    };

    public static readonly WorkspaceKind Domains = new()
    {
        Slug = "domains", Title = "Domains", Singular = "domain", Table = MaxDomain, NumberColumn = "domainid", StatusColumn = null,
        Columns = [new("domainid", "Domain"), new("description", "Description"), new("domaintype", "Type"), new("maxtype", "Data type"),
                   new("length", "Length")],
        Sorts = ["domainid", "domaintype"],
        Children =
        [
            new("Synonym values", SynonymDomain, ["value", "maxvalue", "description", "siteid", "defaults"], "value"),
            new("ALN values", AlnDomain, ["value", "description", "siteid", "orgid"], "value"),
            new("Numeric values", NumericDomain, ["value", "description", "siteid"], "value"),
            new("Table domain", MaxTableDomain, ["objectname", "validtnwhereclause", "siteid"], "objectname"),
            new("Crossover fields", CrossoverDomain, ["sourcefield", "destfield", "sequence"], "sequence", Via: MaxTableDomain),
        ],
    };

    /// <summary>In the order the workspace shows them.</summary>
    public static IReadOnlyList<WorkspaceKind> All { get; } = [Assets, Locations, WorkOrders, Inventory, People, Domains];

    public static WorkspaceKind? Find(string? slug) => All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind a searchable table's hits belong to: its own, or its owner's (a domain's values are the domain's).</summary>
    public static WorkspaceKind OfSearchTable(ReplicaTable table) =>
        All.FirstOrDefault(k => k.Table == table) ?? All.First(k => table.Owners.Contains(k.Table));

    /// <summary>The columns a list filters on by equality before its sort: the site, for kinds that have one.</summary>
    internal static string[] PartitionOf(WorkspaceKind kind) => kind.SiteScoped ? AtSite : [];
}
