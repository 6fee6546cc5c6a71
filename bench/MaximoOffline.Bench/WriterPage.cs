using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Data.Writing;

namespace MaximoOffline.Bench;

/// <summary>One page of the writer benchmark: the records as JSON, and the same values ready for the bare INSERT loop.</summary>
internal sealed record WriterPage(IReadOnlyList<JsonElement> Records, List<object[]> Assets, List<object[]> Meters)
{

    /// <summary>
    /// Asset records shaped like a real server's (about 40 attributes, custom ones included), as
    /// parsed JSON for the writer and as column values (typed columns, owner, rowstamp, raw) for the
    /// bare loop.
    /// </summary>
    public static List<WriterPage> Generate(int parents, int children, int pageSize)
    {
        var pages = new List<WriterPage>();
        var buffer = new ArrayBufferWriter<byte>();
        for (var start = 0; start < parents; start += pageSize)
        {
            var count = Math.Min(pageSize, parents - start);
            buffer.ResetWrittenCount();
            var assets = new List<object[]>(count);
            var meters = new List<object[]>(count * children);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var i = start; i < start + count; i++)
                {
                    WriteAsset(json, i, children, assets, meters);
                }

                json.WriteEndArray();
            }

            var document = JsonDocument.Parse(buffer.WrittenMemory.ToArray());
            pages.Add(new WriterPage([.. document.RootElement.EnumerateArray()], assets, meters));
        }

        return pages;
    }

    private static void WriteAsset(Utf8JsonWriter json, int i, int children, List<object[]> assets, List<object[]> meters)
    {
        long uid = 1000 + i;
        var assetnum = "A" + i.ToString("D7", CultureInfo.InvariantCulture);
        var changed = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(i);
        var fields = new (string Name, object Value)[]
        {
            ("assetuid", uid), ("assetnum", assetnum), ("siteid", "KDFAC"), ("orgid", "EAGLENA"),
            ("description", $"Centrifugal pump {i} - north pump house"), ("status", "OPERATING"),
            ("status_description", "Operating"), ("location", "BR" + (i % 171).ToString("D3", CultureInfo.InvariantCulture)),
            ("parent", i % 10 == 0 ? "" : "A" + (i - i % 10).ToString("D7", CultureInfo.InvariantCulture)),
            ("assettype", "PUMP"), ("serialnum", "SN-" + (i * 7919).ToString(CultureInfo.InvariantCulture)),
            ("manufacturer", "GRUNDFOS"), ("vendor", "V1001"), ("priority", (long)(i % 5)),
            ("purchaseprice", 1000.0 + i % 997), ("totalcost", 250.25 * (i % 13)), ("isrunning", true), ("disabled", false),
            ("changedate", changed.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)), ("changeby", "MAXADMIN"),
            ("installdate", "2019-07-15T08:30:00-04:00"), ("statusdate", "2020-01-02T09:00:00-05:00"),
            ("ex_criticality", "HIGH"), ("ex_area", "NORTH"), ("plusccomment", "Inspected quarterly"),
            ("plusclastinsp", "2024-02-01T00:00:00-05:00"), ("kd_costcenter", "CC-4410"), ("kd_zone", (long)(i % 12)),
            ("budgetcost", 0.0), ("replacecost", 15000.0), ("ytdcost", 12.5), ("moved", false), ("mainthierchy", false),
            ("groupname", "PUMPS"), ("assetid", (long)(uid + 7)), ("calnum", "DAY"), ("itemsetid", "SET1"), ("langcode", "EN"),
            ("_rowstamp", (uid * 3).ToString(CultureInfo.InvariantCulture)),
            ("href", $"http://host/maximo/api/os/mxapiasset/_{Convert.ToBase64String(Encoding.UTF8.GetBytes(assetnum + "/KDFAC"))}"),
        };

        json.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            WriteValue(json, name, value);
        }

        json.WriteStartArray("assetmeter");
        for (var m = 0; m < children; m++)
        {
            long meterId = uid * 10 + m;
            var meter = new (string Name, object Value)[]
            {
                ("assetmeterid", meterId), ("assetnum", assetnum), ("siteid", "KDFAC"), ("metername", "M" + m),
                ("lastreading", (i % 1000).ToString(CultureInfo.InvariantCulture)), ("active", true), ("average", 1.5),
                ("lastreadingdate", "2024-02-28T23:15:00+01:00"), ("_rowstamp", (meterId * 3).ToString(CultureInfo.InvariantCulture)),
                ("localref", $"http://host/maximo/api/os/mxapiasset/_x/assetmeter/{m}-{meterId}"),
            };
            json.WriteStartObject();
            foreach (var (name, value) in meter)
            {
                WriteValue(json, name, value);
            }

            json.WriteEndObject();
            meters.Add(BareValues(ReplicaCatalog.AssetMeter, meter, ownerKey: uid));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        assets.Add(BareValues(ReplicaCatalog.Asset, fields, ownerKey: null));
    }

    /// <summary>The values the bare loop binds: typed columns, owner key, rowstamp, raw (without child arrays).</summary>
    private static object[] BareValues(ReplicaTable table, (string Name, object Value)[] fields, long? ownerKey)
    {
        var values = new List<object>();
        foreach (var column in table.Columns)
        {
            var value = fields.FirstOrDefault(f => f.Name == column.Name).Value;
            values.Add(value switch
            {
                null => DBNull.Value,
                bool b => b ? 1L : 0L,
                string s when column.Kind == ColumnKind.Date =>
                    DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ => value,
            });
        }

        if (ownerKey is not null)
        {
            values.Add(ownerKey.Value);
        }

        values.Add(long.Parse((string)fields.First(f => f.Name == "_rowstamp").Value, CultureInfo.InvariantCulture));
        var raw = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(raw))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                WriteValue(json, name, value);
            }

            json.WriteEndObject();
        }

        values.Add(Encoding.UTF8.GetString(raw.WrittenSpan));
        return [.. values];
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string s: json.WriteString(name, s); break;
            case long l: json.WriteNumber(name, l); break;
            case double d: json.WriteNumber(name, d); break;
            case bool b: json.WriteBoolean(name, b); break;
            default: throw new ArgumentOutOfRangeException(nameof(value), value, null);
        }
    }
}
