using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Serialization;
using Orleans.Storage;
using Sweeps.Grains;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Placement;
using Sweeps.Hosting.Cluster;
using Sweeps.Hosting.Storage;

namespace Sweeps.Hosting;

/// <summary>The one place a silo of Sweeps is configured (used by the cluster silo, the embedded CLI host and tests).</summary>
public static class SweepsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the sweep storage provider (<see cref="SweepsEngineOptions.StorageName"/>), the engine options,
    /// the per-silo trial executor, round-robin placement of trials, the trial evaluator (the numerical core unless one is registered),
    /// and trace context propagation through grain calls (spans exist only when telemetry listens).
    /// </summary>
    public static ISiloBuilder UseSweeps(this ISiloBuilder silo, SweepsSiloOptions options)
    {
        switch (options.Storage)
        {
            case SweepsStorageKind.Memory:
                silo.AddMemoryGrainStorage(SweepsEngineOptions.StorageName);
                break;
            case SweepsStorageKind.Sqlite:
                var path = options.SqlitePath ?? throw new ArgumentException("storage: sqlite needs a database path.", nameof(options));
                silo.AddSqliteGrainStorage(SweepsEngineOptions.StorageName, new SqliteGrainStorageOptions(path) { SynchronousFull = options.SqliteSynchronousFull });
                break;
            case SweepsStorageKind.Redis:
                var redis = RedisEndpoint.Parse(options.RedisConnection ?? throw new ArgumentException("storage: redis needs a connection string.", nameof(options)));
                silo.AddRedisGrainStorage(SweepsEngineOptions.StorageName, storage => storage.Configure<Serializer>((o, serializer) =>
                {
                    o.ConfigurationOptions = redis.Clone();
                    // The Orleans binary serializer, as for SQLite: the states hold immutable arrays and records.
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Storage, "storage: allowed are memory, sqlite and redis.");
        }
        silo.AddActivityPropagation();
        silo.AddPlacementDirector<RoundRobinPlacement, RoundRobinPlacementDirector>();
        // The plugin builds this process loaded (before the host was built), for placement by plugin.
        silo.UseSiloMetadata(new Dictionary<string, string>
        {
            [PluginPlacement.Key] = PluginPlacement.Offered(Numerics.Plugins.PluginRegistry.Loaded.Select(p => p.Identity)),
        });
        silo.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Engine));
        silo.Services.AddSingleton<TrialExecutor>();
        // Stalls, flushes and retries are timed on it (tests replace it with a fake clock).
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<ITrialEvaluator, TrialRunnerEvaluator>();
        return silo;
    }
}
