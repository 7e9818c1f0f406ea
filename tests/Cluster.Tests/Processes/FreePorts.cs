using Sweeps.Hosting;

namespace Sweeps.Cluster.Tests.Processes;

/// <summary>
/// Free loopback TCP ports for processes a test starts later: each port is given out at most once per
/// test run (a port released after its probe could otherwise come back from the next one).
/// </summary>
internal static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var port = LoopbackPorts.Free(1)[0];
                if (Given.Add(port))
                    return port;
            }
        }
    }
}
