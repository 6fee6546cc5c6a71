using System.Net;
using System.Net.Sockets;

namespace MaximoOffline.Tests.Shared;

public static class Ports
{
    /// <summary>A loopback port nothing listens on now (the system's choice), for a server a test starts.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
