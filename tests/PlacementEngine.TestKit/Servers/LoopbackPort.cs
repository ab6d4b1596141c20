using System.Net;
using System.Net.Sockets;

namespace PlacementEngine.TestKit.Servers;

/// <summary>A loopback port no one listens on right now, for a server the test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
