using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Generation;

// doclinks rows: Maximo sends them as an object with member/describedBy rather than an array. The
// row's attributes are the describedBy properties; identifier is the doclinks row id, sent as a
// string (real servers do) while ownerid and docinfoid are numbers.
internal static class DocLinksTable
{
    public static ChildTable Create(string ownerTable, Func<long, long> ownerId, int max, long idBase)
    {
        var owner = ownerTable.ToLowerInvariant();
        var schema = new SchemaBuilder()
            .Add("docType", static (in Row r) => r.Pick(1, Words.DocTypes))
            .Long("docinfoid", (in Row r) => idBase + r.Index + 7)
            .Add("identifier", (in Row r) => (idBase + r.Index).ToString(System.Globalization.CultureInfo.InvariantCulture), (in Row r, JsonSink s, JsonName n) =>
            {
                Span<byte> digits = stackalloc byte[20];
                System.Buffers.Text.Utf8Formatter.TryFormat(idBase + r.Index, digits, out var written);
                s.Ascii(n, digits[..written]);
            })
            .Add("format", static (in Row r) => r.Pick(2, Words.DocFormats))
            .Add("title", static (in Row r) => FillerValues.Text(r, 3, 2, 4), static (in Row r, JsonSink s, JsonName n) => FillerValues.WriteText(s, n, r, 3, 2, 4))
            .Add("description", static (in Row r) => FillerValues.Text(r, 4, 3, 7), static (in Row r, JsonSink s, JsonName n) => FillerValues.WriteText(s, n, r, 4, 3, 7))
            .Add("fileName", (in Row r) => $"{owner}-{ownerId(r.ParentIndex)}-{r.Ordinal}.{Extension(r.Pick(2, Words.DocFormats))}")
            .Add("ownertable", (in Row _) => ownerTable)
            .Long("ownerid", (in Row r) => ownerId(r.ParentIndex))
            .Date("created", static (in Row r) => r.DaysAgo(5, 200, 2000))
            .Date("modified", static (in Row r) => r.DaysAgo(6, 0, 200))
            .Add("urlType", static (in Row _) => "FILE")
            .Add("urlname", (in Row r) => $"/DOCLINKS/{owner}-{ownerId(r.ParentIndex)}-{r.Ordinal}")
            .Add("createby", static (in Row r) => r.Pick(7, Words.Users))
            .Add("changeby", static (in Row r) => r.Pick(8, Words.Users))
            .Flag("printthrulink", static (in Row r) => r.Chance(9, 30))
            .Flag("show", static (in Row _) => true)
            .Flag("addinfo", static (in Row _) => false)
            .Flag("copylinktowo", static (in Row r) => r.Chance(10, 20))
            .Flag("getlatestversion", static (in Row _) => true)
            .Flag("upload", static (in Row _) => false)
            .Long("attachmentSize", static (in Row r) => r.Chance(11, 50) ? 0 : r.Int(12, 1_000, 5_000_000))
            .Build();
        return new ChildTable("doclinks", "doclinks", schema, RowstampRegions.For("doclinks"),
            ChildTable.PerParent(0, max, idBase), isDocLinks: true);
    }

    private static string Extension(string format) => format switch
    {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "txt",
    };
}
