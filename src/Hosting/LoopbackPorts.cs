using System.Net;
using System.Net.Sockets;

namespace Sweeps.Hosting;

/// <summary>
/// Free TCP ports on 127.0.0.1, asked of the operating system (bind to port 0). The listeners of one
/// call are all open at once, so its ports differ: binding and releasing one at a time can hand the
/// same port out twice.
/// </summary>
public static class LoopbackPorts
{
    public static int[] Free(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Dispose();
        }
    }
}
