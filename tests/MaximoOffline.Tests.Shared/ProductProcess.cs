using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace MaximoOffline.Tests.Shared;

/// <summary>What a finished product process left behind.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// A built product program (<c>dotnet MaximoOffline.Cli.dll …</c> or <c>dotnet MaximoOffline.Web.dll …</c>)
/// running as its own process, with only the settings a test gives it: inherited Maximo, Sync, Web
/// and ASP.NET Core variables are removed and home is the test's folder, so no <c>.env</c> or
/// <c>~/.maximo_offline</c> of the machine is read. Its output is collected as it comes, so a full
/// pipe never blocks it; it can be killed hard (SIGKILL) or asked to stop (SIGTERM).
/// </summary>
public sealed class ProductProcess : IDisposable
{
    private static readonly string[] SettingPrefixes = ["Maximo__", "Sync__", "Web__", "Auth__", "MAXIMO_", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string _description;

    private ProductProcess(Process process, string description)
    {
        _process = process;
        _description = description;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The command line's built dll, as the test project recorded it (<c>AssemblyMetadata("MaximoOfflineCli")</c>).</summary>
    public static string CliDll => Recorded("MaximoOfflineCli");

    /// <summary>The web app's built dll, as the test project recorded it (<c>AssemblyMetadata("MaximoOfflineWeb")</c>).</summary>
    public static string WebDll => Recorded("MaximoOfflineWeb");

    /// <summary>The dotnet host that runs the tests, else the one on PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>Everything it printed so far, standard output first.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static ProductProcess Start(string dll, string workingDirectory, string home, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(dll, workingDirectory, home, environment, args, stdin: null);

    public static ProductProcess Start(string dll, string workingDirectory, string home, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args, string? stdin)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var arguments = args.ToList();
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in arguments)
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
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        return new ProductProcess(process, $"{Path.GetFileNameWithoutExtension(dll)} {string.Join(' ', arguments)}");
    }

    /// <summary>Runs the program to its end (killed after <paramref name="timeout"/>, 60 s by default) and returns what it printed.</summary>
    public static async Task<ProcessResult> RunAsync(string dll, string folder, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args,
        string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(dll, folder, folder, environment, args, stdin);
        var exitCode = await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return new ProcessResult(exitCode, process.Stdout, process.Stderr);
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
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
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

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    // The test project records where the product's build put each program (see its .csproj).
    private static string Recorded(string key) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .SelectMany(a => a.GetCustomAttributes<AssemblyMetadataAttribute>())
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test project does not record '{key}': add the product project reference and its AssemblyMetadata target.");
}
