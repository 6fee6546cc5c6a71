using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MaximoOffline.Sync.Doctor;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Sync.Tests;

/// <summary>The doctor in process, as a host wires it, against the emulator (and a TLS endpoint of its own).</summary>
public sealed class DoctorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.RestoreAsync();

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    [Fact]
    public async Task TheDoctorOnlyReadsAndLeavesMaximoAsItWas()
    {
        var before = await emulator.GetAsync("emulator/state");
        await using var harness = await SyncHarness.StartAsync(emulator);

        var report = await harness.Services.GetRequiredService<MaximoDoctor>().CheckAsync(null, CancellationToken.None);

        Assert.True(report.Verdict.Ok, string.Join("\n", report.Verdict.Reasons));
        Assert.NotEmpty(harness.Requests.Methods);
        Assert.All(harness.Requests.Methods, m => Assert.Equal(HttpMethod.Get, m));
        Assert.Equal(harness.Requests.Methods.Count, report.Requests);
        var after = await emulator.GetAsync("emulator/state");
        Assert.Equal(before.GetProperty("rowstamp").GetInt64(), after.GetProperty("rowstamp").GetInt64());
    }

    [Fact]
    public async Task AServerThatThrottlesLowersTheRecommendedRequestsInFlight()
    {
        await emulator.ControlAsync("faults", new { kind = "status", status = 429, count = 2, path = "/os/mxapiasset" });
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:MaxConcurrentRequests"] = "4" });

        var report = await harness.Services.GetRequiredService<MaximoDoctor>().CheckAsync(null, CancellationToken.None);

        Assert.True(report.Verdict.Ok, string.Join("\n", report.Verdict.Reasons));
        Assert.Equal(2, report.Recommendations.MaxConcurrentRequests);
        Assert.Contains("Maximo__MaxConcurrentRequests=2", report.Recommendations.Settings);
        Assert.Contains(report.Verdict.Warnings, w => w.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreachableMaximoFailsTheVerdictAtOnceWithoutFurtherRequests()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:BaseUrl"] = $"http://127.0.0.1:{port}/maximo" });

        var report = await harness.Services.GetRequiredService<MaximoDoctor>().CheckAsync(null, CancellationToken.None);

        Assert.False(report.Connection.Reachable);
        Assert.False(report.Verdict.Ok);
        Assert.Contains("could not be reached", Assert.Single(report.Verdict.Reasons), StringComparison.Ordinal);
        Assert.Single(harness.Requests.Methods);
        Assert.All(report.Endpoints, e => Assert.Null(e.Count));
    }

    [Fact]
    public async Task ASelfSignedCertificateIsReportedWithItsSubjectAndExpiryAsNotValidating()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=maximo.doctor.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var expires = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(90), TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(expires.AddDays(-100), expires);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = ServeOneHandshakeAsync(listener, certificate);

        var finding = await TlsProbe.CheckAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, TimeSpan.FromSeconds(10), CancellationToken.None);
        await server;

        Assert.False(finding.Validates);
        Assert.Equal("CN=maximo.doctor.test", finding.Subject);
        Assert.Equal(expires, finding.Expires);
        Assert.Contains("not for 127.0.0.1", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("chain does not validate", finding.Problem, StringComparison.Ordinal);
    }

    private static async Task ServeOneHandshakeAsync(TcpListener listener, X509Certificate2 certificate)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        try
        {
            await tls.AuthenticateAsServerAsync(certificate);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // The probe refuses the certificate and drops the handshake: expected.
        }
    }
}
