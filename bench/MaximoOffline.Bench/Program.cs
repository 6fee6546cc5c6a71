using MaximoOffline.Bench;

// Performance harness, not part of the test run. Each benchmark measures the thing and its
// baseline side by side in one process and prints their ratio: machines here are shared and noisy,
// so ratios are what we compare, not absolute times.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["writer"] = WriterBenchmark.RunAsync,
    ["emulator"] = EmulatorServeBenchmark.RunAsync,
    ["sync"] = SyncBenchmark.RunAsync,
    ["latency"] = LatencyBenchmark.RunAsync,
    ["memory"] = MemoryBenchmark.RunAsync,
    ["workspace"] = WorkspaceBenchmark.RunAsync,
    ["team"] = TeamBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/MaximoOffline.Bench -- <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
