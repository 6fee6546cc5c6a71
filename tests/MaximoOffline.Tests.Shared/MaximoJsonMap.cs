namespace MaximoOffline.Tests.Shared;

/// <summary>
/// The tests' own map of where Maximo's JSON lands, written independently of the product's catalog:
/// parent table → child key → unique id attribute ("" for children keyed by position). The child key
/// is also the child's table, for the test projects that compare a replica with the emulator.
/// </summary>
public static class MaximoJsonMap
{
    public static readonly Dictionary<string, Dictionary<string, string>> ChildIds = new()
    {
        ["person"] = new() { ["maxuser"] = "maxuserid" },
        ["maxuser"] = new() { ["groupuser"] = "groupuserid" },
        ["groupuser"] = new() { ["maxgroup"] = "maxgroupid" },
        ["asset"] = new()
        {
            ["assetmeter"] = "assetmeterid", ["assetspec"] = "assetspecid", ["serviceaddress"] = "serviceaddressid",
            ["downtimereport"] = "", ["doclinks"] = "describedBy.identifier", ["failurereport"] = "failurereportid",
        },
        ["maxdomain"] = new()
        {
            ["synonymdomain"] = "synonymdomainid", ["alndomain"] = "alndomainid", ["numericdomain"] = "numericdomainid", ["maxtabledomain"] = "maxtabledomainid",
        },
        ["maxtabledomain"] = new() { ["crossoverdomain"] = "crossoverdomainid" },
        ["workorder"] = new()
        {
            ["woserviceaddress"] = "woserviceaddressid", ["wplabor"] = "wplaborid", ["wpmaterial"] = "wpitemid", ["wptool"] = "wpitemid",
            ["labtrans"] = "labtransid", ["matusetrans"] = "matusetransid", ["tooltrans"] = "tooltransid", ["worklog"] = "worklogid",
            ["failurereport"] = "failurereportid", ["doclinks"] = "describedBy.identifier",
        },
        ["inventory"] = new()
        {
            ["invbalances"] = "invbalancesid", ["invcost"] = "invcostid", ["itemcondition"] = "itemconditionid",
            ["matrectrans"] = "matrectransid", ["matusetrans"] = "matusetransid", ["transfercuritem"] = "",
        },
    };
}
