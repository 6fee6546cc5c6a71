using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// MXAPIDOMAIN: 949 domains holding 13,246 values (synonym, ALN and numeric rows together) at any
// scale. The domains the generated records use come first with their real values; the rest are a
// site's own domains. The small catalogue of domain types and value offsets is computed up front.
internal sealed class DomainGenerator
{
    public const int DomainCount = 949;
    public const int ValueCount = 13_246;
    private static readonly IdSequence Ids = new(3_000, 2, 0xD0);
    private static readonly string[] Prefixes = ["EX_", "PLUSC", "PLUSG", "KD", "LC", "PLUSD", "ASSET", "WO", "INV", "PO", "LOC", "PM"];
    private static readonly (string Value, string Description)[] MaxTypes =
        [("ALN", "Mixed case alphanumeric characters"), ("UPPER", "Upper case alphanumeric characters"), ("INTEGER", "Integer")];
    private static readonly string[] Nouns = ["TYPE", "CLASS", "CODE", "REASON", "PRIORITY", "ZONE", "GRADE", "RATING", "CATEGORY", "METHOD", "LEVEL", "SOURCE"];

    private static readonly (string Id, string Type, string Description, (string Value, string Description)[] Values)[] Known =
    [
        ("LOCASSETSTATUS", "SYNONYM", "Location and asset status", Statuses.Asset),
        ("WOSTATUS", "SYNONYM", "Work order status", Statuses.WorkOrder),
        ("ITEMSTATUS", "SYNONYM", "Item status", Statuses.Item),
        ("PERSONSTATUS", "SYNONYM", "Person status", Statuses.Person),
        ("MAXUSERSTATUS", "SYNONYM", "User status", Statuses.User),
        ("LOCTYPE", "SYNONYM", "Location type", Statuses.LocationType),
        ("WOCLASS", "SYNONYM", "Work order class", Statuses.WoClass),
        ("DOMTYPE", "SYNONYM", "Domain type", Statuses.DomainType),
        ("ASSETTYPE", "ALN", "Asset type", AssetGenerator.AssetTypes),
        ("WORKTYPE", "ALN", "Work type", [("CM", "Corrective"), ("PM", "Preventive"), ("EM", "Emergency"), ("CAL", "Calibration"), ("CP", "Capital project")]),
        ("ABCTYPE", "ALN", "ABC type", [("A", "High value"), ("B", "Medium value"), ("C", "Low value")]),
        ("PRIORITY", "NUMERIC", "Priority", [("1", "Highest"), ("2", "High"), ("3", "Normal"), ("4", "Low"), ("5", "Lowest")]),
    ];

    private readonly Entry[] _entries = new Entry[DomainCount];

    public DomainGenerator(ulong seed)
    {
        var knownValues = Known.Sum(k => k.Values.Length);
        var generated = new List<int>();
        for (var d = 0; d < DomainCount; d++)
        {
            if (d < Known.Length)
            {
                _entries[d] = new Entry(Known[d].Id, Known[d].Type, Known[d].Description, Known[d].Values.Length, 0, Known[d].Values);
                continue;
            }
            var roll = Hash.Of(Hash.Of(seed, 0xD7), (ulong)d) % 100;
            var type = roll < 60 ? "ALN" : roll < 75 ? "NUMERIC" : roll < 92 ? "TABLE" : "CROSSOVER";
            var id = $"{Prefixes[d % Prefixes.Length]}{Nouns[d / Prefixes.Length % Nouns.Length]}{d:D3}";
            _entries[d] = new Entry(id, type, $"{Nouns[d / Prefixes.Length % Nouns.Length].ToLowerInvariant()} values ({id})", 0, 0, null);
            if (type is "ALN" or "NUMERIC")
            {
                generated.Add(d);
            }
        }
        var split = new ExactSplit(ValueCount - knownValues, generated.Count, Hash.Of(seed, 0xD8));
        long offset = 0;
        for (var d = 0; d < Known.Length; d++)
        {
            _entries[d] = _entries[d] with { Offset = offset };
            offset += _entries[d].Count;
        }
        for (var g = 0; g < generated.Count; g++)
        {
            var d = generated[g];
            _entries[d] = _entries[d] with { Count = split.CountOf(g), Offset = offset + split.Start(g) };
        }
    }

    // Domains inserted through the control API are small ALN domains after the catalogue.
    private Entry At(long index) => index < DomainCount
        ? _entries[index]
        : new Entry($"EX_NEW{index:D4}", "ALN", "Added domain", 3, ValueCount + (index - DomainCount) * 3, null);

    private string ValueOf(long domain, int j)
    {
        var entry = At(domain);
        if (entry.Values is { } known && j < known.Length)
        {
            return known[j].Value;
        }
        return entry.Type == "NUMERIC" ? $"{(j + 1) * 5}" : $"{entry.Id[..Math.Min(4, entry.Id.Length)]}{j + 1:D2}";
    }

    private string DescriptionOf(long domain, int j) =>
        At(domain).Values is { } known && j < known.Length ? known[j].Description : $"{At(domain).Description} #{j + 1}";

    public GeneratedSource Create(ulong seed)
    {
        var schema = new SchemaBuilder()
            .Add("domainid", (in Row r) => At(r.Index).Id)
            .Add("maxdomainid", static (in Row r) => Ids.At(r.Index))
            .Add("description", (in Row r) => At(r.Index).Description)
            .Described("domaintype", (in Row r) => At(r.Index).Type, Statuses.Describer(Statuses.DomainType))
            .Described("maxtype", (in Row r) => At(r.Index).Type switch { "NUMERIC" => "INTEGER", "SYNONYM" => "UPPER", _ => r.Chance(1, 50) ? "UPPER" : "ALN" },
                Statuses.Describer(MaxTypes))
            .Add("length", static (in Row r) => (long)r.Pick(2, (int[])[8, 10, 12, 16, 20, 30]))
            .Add("scale", static (in Row _) => 0L)
            // A number on real servers (0 user defined, 1 internal), bound to a domain of its own.
            .Described("internal", (in Row r) => At(r.Index).Type == "SYNONYM" ? 1L : 0L, static code => code == "1" ? "Internal" : "User defined")
            .Add("nevercache", static (in Row _) => false)
            .Build();
        return new GeneratedSource(ObjectStructures.Domain, schema, DomainCount, seed, Ids, RowstampRegions.For("maxdomain"),
            [Values("synonymdomain", "SYNONYM"), Values("alndomain", "ALN"), Values("numericdomain", "NUMERIC"), TableDomains(), Conditions()]);
    }

    private ChildTable Values(string table, string type)
    {
        var builder = new SchemaBuilder()
            .Add(table + "id", static (in Row r) => 1_000 + r.Index)
            .Add("domainid", (in Row r) => At(r.ParentIndex).Id);
        if (type == "SYNONYM")
        {
            builder.Add("maxvalue", (in Row r) => ValueOf(r.ParentIndex, r.Ordinal))
                .Add("value", (in Row r) => ValueOf(r.ParentIndex, r.Ordinal))
                .Add("defaults", static (in Row _) => true);
        }
        else if (type == "NUMERIC")
        {
            builder.Add("value", (in Row r) => double.Parse(ValueOf(r.ParentIndex, r.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Add("value", (in Row r) => ValueOf(r.ParentIndex, r.Ordinal));
        }
        var schema = builder
            .Add("description", (in Row r) => DescriptionOf(r.ParentIndex, r.Ordinal))
            .Add("valueid", (in Row r) => $"{At(r.ParentIndex).Id}|{ValueOf(r.ParentIndex, r.Ordinal)}")
            // ALN values may belong to an organisation or a site; the others never do.
            .Add("orgid", (in Row r) => type == "ALN" && r.Chance(8, 30) ? Words.Org : null)
            .Add("siteid", (in Row r) => type == "ALN" && r.Chance(9, 15) ? Words.FirstSite : null)
            .Add("hasld", static (in Row _) => "0")
            .Build();
        return new ChildTable(table, table, schema, RowstampRegions.For(table), (in Row domain) =>
        {
            var entry = At(domain.Index);
            if (entry.Type != type)
            {
                return [];
            }
            var slots = new Slot[entry.Count];
            for (var j = 0; j < slots.Length; j++)
            {
                slots[j] = new Slot(entry.Offset + j, 1_000 + entry.Offset + j);
            }
            return slots;
        });
    }

    private ChildTable TableDomains()
    {
        var crossover = new SchemaBuilder()
            .Add("crossoverdomainid", static (in Row r) => 1_000 + r.Index)
            .Add("domainid", (in Row r) => At(r.ParentIndex).Id)
            .Add("sourcefield", static (in Row r) => r.Pick(1, (string[])["DESCRIPTION", "VENDOR", "MANUFACTURER", "GLACCOUNT"]))
            .Add("destfield", static (in Row r) => r.Pick(2, (string[])["DESCRIPTION", "VENDOR", "MANUFACTURER", "GLACCOUNT"]))
            .Add("copyevenifsrcnull", static (in Row r) => r.Chance(3, 20))
            .Add("copyonlyifdestnull", static (in Row r) => r.Chance(4, 30))
            .Add("sequence", static (in Row r) => (long)r.Ordinal + 1)
            .Add("sourcecondition", static (in Row _) => null)
            .Add("destcondition", static (in Row _) => null)
            .Build();
        var crossovers = new ChildTable("crossoverdomain", "crossoverdomain", crossover, RowstampRegions.For("crossoverdomain"),
            (in Row table) => At(table.Index).Type == "CROSSOVER" ? ChildTable.PerParent(1, 4, 1_000)(table) : []);
        var schema = new SchemaBuilder()
            .Add("maxtabledomainid", static (in Row r) => 1_000 + r.Index)
            .Add("domainid", (in Row r) => At(r.Index).Id)
            .Add("objectname", static (in Row r) => r.Pick(1, (string[])["ASSET", "LOCATIONS", "ITEM", "COMPANIES", "PERSON", "CRAFT"]))
            .Add("validtnwhereclause", static (in Row r) => $"status != 'DECOMMISSIONED' and orgid = :orgid and {r.Pick(2, Nouns).ToLowerInvariant()} is not null")
            .Add("listwhereclause", static (in Row r) => r.Chance(3, 60) ? null : "status != 'DECOMMISSIONED'")
            .Add("errorresourcbundle", static (in Row r) => r.Chance(4, 70) ? null : "asset")
            .Add("erroraccesskey", static (in Row r) => r.Chance(4, 70) ? null : "InvalidAsset")
            .Add("orgid", static (in Row _) => null)
            .Add("siteid", static (in Row _) => null)
            .Build();
        // One table-domain row per TABLE or CROSSOVER domain; its row index is the domain's.
        return new ChildTable("maxtabledomain", "maxtabledomain", schema, RowstampRegions.For("maxtabledomain"),
            (in Row domain) => At(domain.Index).Type is "TABLE" or "CROSSOVER" ? [new Slot(domain.Index, 1_000 + domain.Index)] : [],
            nested: [crossovers]);
    }

    // Conditions on a domain's values (MAXDOMVALCOND): a few on one ALN or synonym domain in twenty.
    private ChildTable Conditions()
    {
        var schema = new SchemaBuilder()
            .Long("maxdomvalcondid", static (in Row r) => 1_000 + r.Index)
            .Add("domainid", (in Row r) => At(r.ParentIndex).Id)
            .Add("valueid", (in Row r) => $"{At(r.ParentIndex).Id}|{ValueOf(r.ParentIndex, r.Ordinal % Math.Max(1, At(r.ParentIndex).Count))}")
            .Add("conditionnum", static (in Row r) => $"COND{r.Int(1, 1, 40):D2}")
            .Build();
        var slots = ChildTable.PerParent(1, 2, 1_000);
        return new ChildTable("maxdomvalcond", "maxdomvalcond", schema, RowstampRegions.For("synonymdomain"),
            (in Row domain) => At(domain.Index) is { Type: "ALN" or "SYNONYM", Count: > 0 } && domain.Chance(0xC0, 5) ? slots(domain) : []);
    }

    private sealed record Entry(string Id, string Type, string Description, int Count, long Offset, (string Value, string Description)[]? Values);
}
