using System.Net;
using System.Net.Sockets;

namespace Sweeps.Cluster.Tests.Processes;

/// <summary>Free loopback TCP ports, asked of the operating system (bind to port 0).</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
