namespace MaximoOffline.Data.Tests;

/// <summary>Lean Maximo JSON of the kind a real server sends, with its rough edges.</summary>
internal static class Samples
{
    public static string Asset(long uid, string assetnum, string meters = "", string extra = "", string children = "") => $$"""
        {
          "assetuid": {{uid}}, "assetnum": "{{assetnum}}", "siteid": "KDFAC", "orgid": "EAGLENA",
          "description": "Centrifugal pump {{assetnum}}", "status": "OPERATING", "status_description": "Operating",
          "location": "BR300", "isrunning": true, "disabled": "0", "priority": 2, "purchaseprice": 12500.5,
          "changedate": "2024-03-01T10:00:00-05:00", "installdate": "2019-07-15T08:30:00-04:00",
          "ex_criticality": "HIGH", "plusclaststatus": null,
          "_rowstamp": "{{uid * 10}}",
          "href": "http://host/maximo/api/os/mxapiasset/_{{assetnum}}",
          "assetmeter_collectionref": "http://host/maximo/api/os/mxapiasset/_{{assetnum}}/assetmeter"
          {{extra}}
          {{(meters.Length > 0 ? $", \"assetmeter\": [{meters}]" : "")}}
          {{children}}
        }
        """;

    public static string Meter(long id, string name, string reading = "120") => $$"""
        { "assetmeterid": {{id}}, "metername": "{{name}}", "lastreading": "{{reading}}", "active": true,
          "lastreadingdate": "2024-02-28T23:15:00+01:00", "_rowstamp": "{{id * 7}}",
          "localref": "http://host/maximo/api/os/mxapiasset/_X/assetmeter/0-{{id}}" }
        """;

    public static string Page(params string[] records) => "[" + string.Join(",", records) + "]";
}
