using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MaximoOffline.Emulator;

namespace MaximoOffline.Bench;

// How fast the emulator serves what a sync asks for: every KDFAC asset at scale 100 (50,000), lean,
// 500 per page, keyset-paged on assetuid, with all children selected by name (the product's
// select), then with oslc.select=* alone (every child inline but doclinks, which is only linked).
// Sync benchmarks use the figure to show the emulator is not their bottleneck. The client reads each page fully into a reused
// buffer and scans it for the member count and last assetuid, so the time is the server's plus the
// transfer and that scan. Both query shapes are warmed up first: a sync runs for minutes, and on a
// small machine the JIT's first seconds would otherwise dominate a pass that takes a few.
internal static class EmulatorServeBenchmark
{
    private const string Children = "assetmeter{*},assetspec{*},doclinks{*},failurereport{*},serviceaddress{*},downtimereport{*}";

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = Option(args, "--scale", 100);
        var pageSize = Option(args, "--page-size", 500);
        Console.WriteLine($"Emulator serve benchmark: scale {scale}, lean, page size {pageSize}, keyset on assetuid");
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Scale = scale, MaxPageSize = Math.Max(1000, pageSize) });
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("apikey", server.Options.ApiKey);

        var warmUpPages = Option(args, "--warm-up-pages", 40);
        for (var round = 0; round < 2; round++)
        {
            await PassAsync(client, server.BaseUrl, pageSize, "*," + Children, "warm-up (children)", maxPages: warmUpPages);
            await PassAsync(client, server.BaseUrl, pageSize, "*", "warm-up (star)", maxPages: warmUpPages);
        }
        await PassAsync(client, server.BaseUrl, pageSize, "*," + Children, "attributes + all children", maxPages: int.MaxValue);
        await PassAsync(client, server.BaseUrl, pageSize, "*", "oslc.select=*", maxPages: int.MaxValue);
        return 0;
    }

    private static async Task PassAsync(HttpClient client, Uri baseUrl, int pageSize, string select, string label, int maxPages)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        long records = 0, bytes = 0, pages = 0, last = 0;
        while (pages < maxPages)
        {
            var where = Uri.EscapeDataString($"siteid=\"KDFAC\" and assetuid>{last}");
            var url = $"{baseUrl}/api/os/mxapiasset?lean=1&oslc.select={Uri.EscapeDataString(select)}&oslc.where={where}" +
                      $"&oslc.orderBy=%2Bassetuid&oslc.pageSize={pageSize}";
            var length = await ReadAsync(client, new Uri(url));
            var (count, lastId) = ScanPage(_page.AsSpan(0, length));
            pages++;
            bytes += length;
            records += count;
            if (count == 0)
            {
                break;
            }
            last = lastId;
        }
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocatedPerPage = (GC.GetTotalAllocatedBytes() - allocatedBefore) / Math.Max(1, pages) / 1_048_576.0;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-28} {records,8:N0} records  {pages,5} pages  {seconds,7:F2} s  {records / seconds,10:N0} records/s  {bytes / seconds / 1_048_576,7:F1} MB/s  {bytes / Math.Max(1, records),6:N0} B/record  CPU {cpu:F2} s ({cpu * 1000 / pages:F1} ms/page, client included)  {allocatedPerPage:F1} MB allocated/page"));
    }

    // The last page read, in a buffer reused (and grown) across pages: a new large array per page
    // would cost collections that are charged to the server sharing this process.
    private static byte[] _page = new byte[4 << 20];

    private static async Task<int> ReadAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(_page.AsMemory(length))) > 0)
        {
            length += read;
            if (length == _page.Length)
            {
                Array.Resize(ref _page, _page.Length * 2);
            }
        }
        return length;
    }

    // Counts the members and finds the last root assetuid without building a document.
    private static (int Count, long LastId) ScanPage(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        int count = 0;
        long lastId = 0;
        var inMembers = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                inMembers = reader.ValueTextEquals("member"u8);
            }
            else if (inMembers && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                count++;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("assetuid"u8))
            {
                reader.Read();
                lastId = reader.GetInt64();
            }
        }
        return (count, lastId);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
