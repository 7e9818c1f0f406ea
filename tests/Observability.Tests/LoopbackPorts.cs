using System.Net;
using System.Net.Sockets;

namespace Sweeps.Observability.Tests;

/// <summary>Free TCP ports on 127.0.0.1 for silos started by a test (other processes on the machine may hold the defaults).</summary>
internal static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
