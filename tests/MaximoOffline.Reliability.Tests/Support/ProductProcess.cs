using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// A built product program (<c>dotnet MaximoOffline.Cli.dll …</c> or <c>dotnet MaximoOffline.Web.dll …</c>)
/// running as its own process, with only the settings a test gives it (inherited Maximo/Sync/Web
/// variables removed, home in the test's folder). Its output is collected as it comes, so a full
/// pipe never blocks it; it can be killed hard (SIGKILL) or asked to stop (SIGTERM).
/// </summary>
public sealed class ProductProcess : IDisposable
{
    private static readonly string[] SettingPrefixes = ["Maximo__", "Sync__", "Web__", "MAXIMO_", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _description;

    private ProductProcess(Process process, string description)
    {
        _process = process;
        _description = description;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string CliDll { get; } = Metadata("MaximoOfflineCli");

    public static string WebDll { get; } = Metadata("MaximoOfflineWeb");

    /// <summary>The dotnet host that runs the tests, else the one on PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static ProductProcess Start(string dll, string workingDirectory, string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => SettingPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = home;
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.StandardInput.Close();
        return new ProductProcess(process, $"{Path.GetFileNameWithoutExtension(dll)} {string.Join(' ', args)}");
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void KillHard()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the way a service manager or Ctrl+C in a container stops the app.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
            throw new TimeoutException($"{_description} did not finish within {timeout.TotalSeconds:N0} s.\n{Output}");
        }

        _process.WaitForExit(); // drains the output events
        return _process.ExitCode;
    }

    public override string ToString() => $"{_description} (pid {Id})";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string Metadata(string key) => typeof(ProductProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
