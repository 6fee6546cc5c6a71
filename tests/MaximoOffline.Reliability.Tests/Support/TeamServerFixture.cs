using MaximoOffline.Data.Replica;
using MaximoOffline.Emulator;
using Npgsql;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// A team server on this machine: a private PostgreSQL (the replica and the job store) and Redis, an
/// emulator with a little latency (so syncs last long enough to watch and to kill), and two app nodes
/// as their own processes, started as <c>compose.yaml</c> starts them: at the same time, on one database.
/// </summary>
public sealed class TeamServerFixture : IAsyncLifetime
{
    public const string Site = "KDFAC";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-team-tests", Guid.NewGuid().ToString("N"));
    private readonly WebHost?[] _nodes = new WebHost?[2];

    public PostgresServer Postgres { get; } = new();

    public RedisServer Redis { get; } = new();

    public EmulatorServer Emulator { get; private set; } = null!;

    /// <summary>The emulator's control API and its records.</summary>
    public HttpClient Http { get; private set; } = null!;

    public EmulatorTruth Truth { get; private set; } = null!;

    public string ReplicaConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitializeAsync(), Redis.InitializeAsync());
        ReplicaConnectionString = await Postgres.CreateDatabaseAsync("team");
        (Emulator, Http) = await SlowEmulator.StartAsync(scale: 2, maxDelayMs: 30);
        Truth = await EmulatorTruth.ReadAsync(Http, Site);
        var started = await Task.WhenAll(StartNodeAsync(0), StartNodeAsync(1));
        (_nodes[0], _nodes[1]) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node?.Dispose();
        }

        Http.Dispose();
        await Emulator.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed node's files may still be going away; the folder is under the temp path.
        }
    }

    /// <summary>Node 0 or 1, started again first if a test killed it.</summary>
    public async Task<WebHost> NodeAsync(int index)
    {
        if (_nodes[index] is { Process.HasExited: false } running)
        {
            return running;
        }

        _nodes[index]?.Dispose();
        return _nodes[index] = await StartNodeAsync(index);
    }

    /// <summary>The node whose process is <paramref name="pid"/> (the owner of a run), and the other one.</summary>
    public async Task<(WebHost Running, WebHost Other)> ByProcessAsync(int pid)
    {
        var (a, b) = (await NodeAsync(0), await NodeAsync(1));
        return a.Process.Id == pid ? (a, b) : b.Process.Id == pid ? (b, a) : throw new InvalidOperationException($"No node has process {pid}.");
    }

    private Task<WebHost> StartNodeAsync(int index)
    {
        var home = Path.Combine(_folder, $"node-{index}");
        Directory.CreateDirectory(home);
        return WebHost.StartAsync(home, new Dictionary<string, string>
        {
            ["Maximo__BaseUrl"] = Emulator.BaseUrl.ToString(),
            ["Maximo__ApiKey"] = Emulator.Options.ApiKey,
            ["Maximo__DefaultSite"] = Site,
            ["Maximo__PageSize"] = "50",
            ["Replica__Provider"] = "Postgres",
            ["ConnectionStrings__Replica"] = ReplicaConnectionString,
            ["ConnectionStrings__Redis"] = Redis.ConnectionString,
            ["Sync__DatabasePath"] = Path.Combine(home, "maximo.db"), // only the node's logs live beside it
            ["ASPNETCORE_WEBROOT"] = WebRoot, // the pages' scripts, for the browser test (a build's output has none of its own)
        });
    }

    /// <summary>The web app project's <c>wwwroot</c> (its scripts and the bundled front-end packages), beside its build output.</summary>
    private static string WebRoot
    {
        get
        {
            var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ProductProcess.WebDll)!, "..", "..", "..", "wwwroot"));
            return Directory.Exists(Path.Combine(root, "js")) ? root : throw new InvalidOperationException($"The web app's wwwroot is not at {root}.");
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ReplicaConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ReplicaConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>The process id a run's owner names (<c>machine/pid/start</c>).</summary>
    public async Task<int> OwnerPidAsync(long runId) =>
        int.Parse((await ScalarAsync<string>("SELECT owner FROM sync_run WHERE id = @id", ("id", runId)))!.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Differences between the live records of endpoints (their main tables) and what the emulator holds in scope.</summary>
    public async Task<List<string>> DifferencesAsync(IEnumerable<string> slugs)
    {
        var problems = new List<string>();
        foreach (var table in slugs.Select(s => Truth.RootOf[s]).Where(t => Truth.ListedOnce.Contains(t)))
        {
            var key = ReplicaCatalog.All.Single(t => t.Name == table).KeyColumn;
            var live = (await ColumnAsync<object>($"SELECT \"{key}\"::text FROM \"{table}\" WHERE deleted_at IS NULL")).Select(k => (string)k).ToList();
            if (live.Count != live.Distinct().Count())
            {
                problems.Add($"{table}: a key appears twice");
            }

            if (!Truth.Keys[table].SetEquals(live))
            {
                problems.Add($"{table}: the emulator has {Truth.Keys[table].Count} rows, the replica {live.Count} live " +
                             $"(missing {string.Join(",", Truth.Keys[table].Except(live).Take(5))}; extra {string.Join(",", live.Except(Truth.Keys[table]).Take(5))})");
            }
        }

        return problems;
    }
}
