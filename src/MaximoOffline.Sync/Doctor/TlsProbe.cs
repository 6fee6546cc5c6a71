using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// The TLS side of an https Maximo, on a connection of its own that carries nothing but the
/// handshake: the protocol negotiated, the certificate's subject, issuer and expiry, and whether this
/// machine trusts it for the host (and if not, why). The certificate is validated as the client's
/// requests validate it, never waved through.
/// </summary>
public static class TlsProbe
{
    public static async Task<TlsFinding> CheckAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? subject = null, issuer = null, problem = null;
        DateTimeOffset? expires = null;
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(host, port, deadline.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    if (certificate is not null)
                    {
                        subject = certificate.Subject;
                        issuer = certificate.Issuer;
                        expires = certificate is X509Certificate2 full ? new DateTimeOffset(full.NotAfter.ToUniversalTime(), TimeSpan.Zero) : null;
                    }

                    problem = Describe(errors, chain, host);
                    return errors == SslPolicyErrors.None;
                },
            }, deadline.Token);
            return new TlsFinding(Protocol(tls.SslProtocol), subject, issuer, expires, true, null);
        }
        catch (AuthenticationException e)
        {
            return new TlsFinding(null, subject, issuer, expires, false, problem ?? $"the TLS handshake failed ({e.Message})");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return new TlsFinding(null, subject, issuer, expires, false, problem ?? $"no TLS connection to {host}:{port} ({e.Message})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TlsFinding(null, subject, issuer, expires, false, $"no TLS handshake with {host}:{port} within {timeout.TotalSeconds:N0} s");
        }
    }

    private static string Protocol(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls12 => "TLS 1.2",
        SslProtocols.Tls13 => "TLS 1.3",
        _ => protocol.ToString(), // an older one, named as .NET names it
    };

    private static string? Describe(SslPolicyErrors errors, X509Chain? chain, string host)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        var parts = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            parts.Add("the server sent no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            parts.Add($"the certificate is not for {host}");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList() ?? [];
            parts.Add(statuses.Count > 0 ? $"its chain does not validate ({string.Join("; ", statuses)})" : "its chain does not validate");
        }

        return string.Join("; ", parts);
    }
}
