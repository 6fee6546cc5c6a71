using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace MaximoOffline.Tests.Shared;

/// <summary>
/// A private PostgreSQL server for one test class: Debian's <c>postgresql</c> binaries, a fresh cluster
/// in a temporary folder (trust authentication, no fsync: a test's data need not survive a power cut),
/// listening on 127.0.0.1 at a free port, stopped and removed at the end. As root it runs as the
/// <c>postgres</c> user, as PostgreSQL requires. Without the binaries it fails saying how to install them:
/// no test that needs PostgreSQL is skipped silently.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-postgres", Guid.NewGuid().ToString("N"));
    private string _bin = "";

    public int Port { get; private set; }

    /// <summary>A connection string to <paramref name="database"/> on this server, as the superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public async Task InitializeAsync()
    {
        _bin = Binaries() ?? throw new InvalidOperationException(
            "These tests need a PostgreSQL server and start their own: install Debian's postgresql package (apt-get install postgresql); .ci/run does.");
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        }

        Port = Ports.Free();
        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", data, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"), "start",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
    }

    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-w", "-m", "immediate", "stop");
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static string? Binaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private Task RunAsPostgresAsync(string program, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}{await error}" +
                (File.Exists(log) ? "\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }
}
