using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace MaximoOffline.Tests.Shared;

/// <summary>
/// A private Redis for one test class: Debian's <c>redis-server</c>, on 127.0.0.1 at a free port,
/// nothing saved to disk, stopped at the end. Without the binary it fails saying how to install it:
/// no test that needs Redis is skipped silently.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-redis", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The connection string the app reads from <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                "These tests need Redis and start their own: install Debian's redis-server package (apt-get install redis-server); .ci/run does.");
        }

        Directory.CreateDirectory(_folder);
        Port = Ports.Free();

        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no", "--daemonize", "no", "--dir", _folder, "--protected-mode", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        var output = new StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Wait.UntilAsync(async () =>
        {
            Assert.False(_process.HasExited, $"redis-server stopped while starting:\n{output}");
            return await PingAsync();
        }, TimeSpan.FromSeconds(30), () => $"redis-server to answer PING on port {Port}\n{output}");
    }

    /// <summary>True when the server answers <c>PING</c> with <c>+PONG</c>.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
