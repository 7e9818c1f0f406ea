using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Sweeps.Hosting.Cluster;

/// <summary>
/// A client's connection to a Sweeps cluster found through Redis: the gateways are read from the
/// membership table, so any silo can serve. Connecting retries while no silo is up yet, for at
/// most the given budget.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    /// <summary>Connects; throws <see cref="TimeoutException"/> naming the Redis hosts when no silo answered within <paramref name="budget"/>.</summary>
    public static async Task<ClusterConnection> ConnectAsync(
        string redisConnection, string clusterId, string serviceId, TimeSpan budget,
        Action<ILoggingBuilder>? logging = null, CancellationToken cancellation = default)
    {
        var redis = RedisEndpoint.Parse(redisConnection);
        var deadline = DateTime.UtcNow + budget;
        var builder = CliHostBuilder.Create(logging);
        builder.UseOrleansClient(client => client
            .AddActivityPropagation()
            .UseRedisClustering(o => o.ConfigurationOptions = redis.Clone())
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId))
            // Re-read the gateways often: after all silos restart, the old ones are all gone.
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow >= deadline)
                    return false;
                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            }));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new TimeoutException(
                $"no silo of cluster '{clusterId}' (service '{serviceId}') answered through Redis at {RedisEndpoint.Describe(redis)} within {budget.TotalSeconds:F0} s ({e.GetType().Name}: {e.Message}). " +
                await DescribeClustersAsync(redis, cancellation), e);
        }
        return new ClusterConnection(host);
    }

    /// <summary>Which cluster ids Redis holds, with a hint at the flags; never fails (Redis itself may be what is down).</summary>
    private static async Task<string> DescribeClustersAsync(StackExchange.Redis.ConfigurationOptions redis, CancellationToken cancellation)
    {
        try
        {
            return ClusterMembership.Describe(await ClusterMembership.ReadAsync(redis, cancellation)) +
                   " Give the silos' ids with --cluster-id and --service-id (or SWEEPS_CLUSTER_ID, SWEEPS_SERVICE_ID).";
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return $"Redis could not be read ({e.GetType().Name}).";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
