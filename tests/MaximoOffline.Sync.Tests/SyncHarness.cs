using System.Collections.Concurrent;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// The sync engine as a host wires it (settings, HTTP pipeline, replica in a temporary file),
/// pointed at a test's emulator. Counts the requests that reach the wire.
/// </summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private ConcurrentQueue<string> _lines = new();

    /// <summary>Every line logged so far through the host's logging, at every level, with exceptions.</summary>
    public IReadOnlyCollection<string> Logged => _lines;
    private readonly string _folder;

    private SyncHarness(ServiceProvider services, string folder, RequestLog requests, EventLog events)
    {
        _services = services;
        _folder = folder;
        Requests = requests;
        Events = events;
    }

    public SyncService Sync => _services.GetRequiredService<SyncService>();

    public IServiceProvider Services => _services;

    /// <summary>The replica: a SQLite file by default, PostgreSQL when the settings say Replica:Provider=Postgres.</summary>
    public ReplicaStore Database => _services.GetRequiredService<ReplicaStore>();

    public RequestLog Requests { get; }

    public EventLog Events { get; }



    /// <param name="time">The clock the engine reads (a fake one to step over Sync:FullEvery); the system's by default.</param>
    /// <param name="also">More services, as a host adds them (a team server's node adds its <see cref="IRunHandover"/>).</param>
    public static async Task<SyncHarness> StartAsync(EmulatorFixture emulator, Dictionary<string, string?>? settings = null, string? apiKey = null, TimeProvider? time = null,
        Action<IServiceCollection>? also = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "maximo-offline-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Maximo:BaseUrl"] = emulator.Server.BaseUrl.ToString(),
            ["Maximo:ApiKey"] = apiKey ?? emulator.Server.Options.ApiKey,
            ["Maximo:DefaultSite"] = "KDFAC",
            ["Maximo:PageSize"] = "100",
            ["Maximo:MaxConcurrentRequests"] = "4",
            ["Maximo:TimeoutSeconds"] = "10",
            ["Sync:DatabasePath"] = Path.Combine(folder, "maximo.db"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        var lines = new ConcurrentQueue<string>();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(lines)));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddMaximoSync(configuration);
        also?.Invoke(services);
        var requests = new RequestLog();
        var events = new EventLog();
        services.AddSingleton<ISyncObserver>(events);
        // Innermost, next to the socket: every attempt counts, retries and logins included.
        services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(new CountingHandler(requests))));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<ReplicaStore>().MigrateAsync();
        return new SyncHarness(provider, folder, requests, events) { _lines = lines };
    }

    public async Task<(long RunId, SyncRunStatus Status)> RunAsync(string endpoint, bool full = false, string? site = null, bool force = false, CancellationToken cancellationToken = default)
    {
        var start = await Sync.RequestAsync(new SyncRequest(endpoint, site, full, SyncTrigger.Cli, force), cancellationToken);
        Assert.False(start.AlreadyRunning);
        var status = await Sync.ExecuteAsync(start.RunId, cancellationToken);
        return (start.RunId, status);
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Database.OpenConnection();
        using var command = ReplicaCommands.Create(connection, null, sql, parameters);
        return command.ExecuteScalar();
    }

    public long Count(string table, string where = "deleted_at IS NULL") => (long)Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE {where}")!;

    public List<T> Column<T>(string sql)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public string? RunError(long runId) => Scalar("SELECT error FROM sync_run WHERE id = $id", ("$id", runId)) as string;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) // a replica on PostgreSQL leaves no file
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Requests that reached the wire (each attempt), as URLs, and their methods.</summary>
    public sealed class RequestLog
    {
        private readonly ConcurrentQueue<(HttpMethod Method, Uri Url)> _requests = new();
        private readonly ConcurrentQueue<(string Url, long Bytes)> _bodies = new();

        /// <summary>Read each answer's body as it arrives to count its bytes (off by default: it changes how a cut-off body fails).</summary>
        public bool CountBytes { get; set; }

        public void Add(HttpMethod method, Uri url) => _requests.Enqueue((method, url));

        public void AddBody(Uri url, long bytes) => _bodies.Enqueue((Uri.UnescapeDataString(url.PathAndQuery), bytes));

        /// <summary>Bytes of the answers' bodies, per request URL, while <see cref="CountBytes"/> was on.</summary>
        public IReadOnlyList<(string Url, long Bytes)> Bodies => [.. _bodies];

        public void Clear()
        {
            _requests.Clear();
            _bodies.Clear();
        }

        public IReadOnlyList<string> Urls => [.. _requests.Select(r => Uri.UnescapeDataString(r.Url.PathAndQuery))];

        public IReadOnlyList<HttpMethod> Methods => [.. _requests.Select(r => r.Method)];
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }

    private sealed class CountingHandler(RequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.Add(request.Method, request.RequestUri!);
            var response = await base.SendAsync(request, cancellationToken);
            if (log.CountBytes)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                log.AddBody(request.RequestUri!, (await response.Content.ReadAsByteArrayAsync(cancellationToken)).LongLength);
            }

            return response;
        }
    }

    /// <summary>Everything the engine told its observers.</summary>
    public sealed class EventLog : ISyncObserver
    {
        public ConcurrentQueue<object> All { get; } = new();

        /// <summary>Called with every event as it happens, on the engine's thread.</summary>
        public event Action<object>? Observed;

        public IEnumerable<T> Of<T>() => All.OfType<T>();

        public void RunStarted(RunStartedEvent e) => Add(e);

        public void Progress(ProgressEvent e) => Add(e);

        public void Log(LogEvent e) => Add(e);

        public void RunFinished(RunFinishedEvent e) => Add(e);

        private void Add(object e)
        {
            All.Enqueue(e);
            Observed?.Invoke(e);
        }
    }
}
