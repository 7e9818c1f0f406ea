using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Sweeps.Cluster.Tests.Processes;

/// <summary>
/// A redis-server child process of the test on a free loopback port, append-only, with its data
/// in a folder of the test: restartable on the same port and data (scripts/test-services.sh installs it).
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private ChildProcess? _process;

    public RedisServer(string dataFolder)
    {
        DataFolder = dataFolder;
        Directory.CreateDirectory(dataFolder);
        Port = FreePorts.Next();
    }

    public int Port { get; }

    public string DataFolder { get; }

    public string Connection => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public async Task StartAsync()
    {
        _process?.Dispose();
        _process = ChildProcess.Start("redis-server", "redis-server",
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--appendonly", "yes", "--dir", DataFolder,
             "--save", "", "--protected-mode", "no"]);
        await Eventually.HoldsAsync(PingAsync, TimeSpan.FromSeconds(15), () => $"redis-server on port {Port} answers PING. Output:\n{_process.Tail()}");
    }

    /// <summary>SIGTERM (Redis flushes its append-only file), bounded wait.</summary>
    public Task StopAsync() => _process?.TerminateAsync(TimeSpan.FromSeconds(15)) ?? Task.CompletedTask;

    /// <summary>SIGKILL: Redis dies without flushing; a restart replays its append-only file.</summary>
    public void Kill() => _process?.Kill();

    private async Task<bool> PingAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }

    public void Dispose() => _process?.Dispose();
}
