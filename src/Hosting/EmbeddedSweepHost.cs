using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sweeps.Hosting;

/// <summary>
/// One silo hosted in the calling process (the CLI without --cluster): localhost clustering on free
/// ports and the SQLite store at &lt;output&gt;/state/sweeps.db, so running the same sweep again
/// after a crash or Ctrl+C reuses every stored trial. Telemetry follows the OTEL_* variables (off by default). <see cref="Client"/> talks to it directly.
/// </summary>
public sealed class EmbeddedSweepHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSweepHost(IHost host, string databasePath)
    {
        _host = host;
        DatabasePath = databasePath;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public string DatabasePath { get; }

    /// <summary>
    /// Starts the silo. <paramref name="options"/> supplies engine tuning (its storage is replaced by the
    /// output folder's SQLite file); <paramref name="logging"/> configures logging (default: none).
    /// </summary>
    public static async Task<EmbeddedSweepHost> StartAsync(
        string outputFolder, SweepsSiloOptions? options = null, Action<ILoggingBuilder>? logging = null, CancellationToken cancellation = default)
    {
        var databasePath = Path.Combine(Path.GetFullPath(outputFolder), "state", "sweeps.db");
        var siloOptions = (options ?? new SweepsSiloOptions()) with { Storage = SweepsStorageKind.Sqlite, SqlitePath = databasePath };
        var builder = CliHostBuilder.Create(logging);
        var ports = LoopbackPorts.Free(2);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports[0], ports[1], serviceId: "sweeps", clusterId: "sweeps-embedded")
            .UseSweeps(siloOptions));
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new EmbeddedSweepHost(host, databasePath);
    }

    /// <summary>Stops the silo gracefully: running trials are cancelled (not stored), stored ones stay.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
