using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Sweeps.Grains;

namespace Sweeps.Hosting.Cluster;

/// <summary>Cluster mode of a silo: Redis membership, Redis grain storage (never memory: it would lose state) and Redis reminders.</summary>
public static class SweepsClusterSiloExtensions
{
    /// <summary>How long a running sweep waits, without progress, before re-dispatching its work in cluster mode.</summary>
    public static readonly TimeSpan ClusterStallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Entries of the grain-location cache per silo (Orleans' default is 1,000,000).</summary>
    public const int DirectoryCacheSize = 50_000;

    /// <summary>
    /// Joins the cluster named by <paramref name="cluster"/> and adds the engine with Redis storage.
    /// The engine's stall timeout is at most <see cref="ClusterStallTimeout"/> (a dead silo is also
    /// detected directly), and a one-minute reminder resumes running sweeps after their coordinator's silo died.
    /// </summary>
    public static ISiloBuilder UseSweepsCluster(this ISiloBuilder silo, SweepsClusterOptions cluster, SweepsEngineOptions engine)
    {
        var redis = RedisEndpoint.Parse(cluster.RedisConnection);
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone())
            .UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone())
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
            .ConfigureEndpoints(cluster.AdvertisedIp, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true)
            // Trial grains live for one trial: a million-entry directory cache (the default) only costs memory.
            .Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
        // Declared dead (paused past the failure detector): exit with a code instead of Orleans' FailFast.
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<FatalErrorExit>();
        silo.Services.AddSingleton<IFatalErrorHandler>(s => s.GetRequiredService<FatalErrorExit>());
        engine.ResumeReminderPeriod ??= TimeSpan.FromMinutes(1);
        if (engine.StallTimeout > ClusterStallTimeout)
            engine.StallTimeout = ClusterStallTimeout;
        return silo.UseSweeps(new SweepsSiloOptions { Storage = SweepsStorageKind.Redis, RedisConnection = cluster.RedisConnection, Engine = engine });
    }
}
