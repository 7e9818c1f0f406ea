using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Sweeps.Grains.Resilience;

namespace Sweeps.Hosting.Cluster;

/// <summary>
/// The Redis a cluster uses, from a StackExchange.Redis connection string (password and TLS travel
/// in the string). Connections never abort on a failed connect and reconnect with exponential
/// back-off, so a Redis restart delays the cluster instead of failing it. <see cref="Describe"/>
/// names the hosts only: the string itself is never logged.
/// </summary>
public static class RedisEndpoint
{
    /// <summary>Parses the connection string; throws <see cref="ArgumentException"/> naming what is wrong (never the password).</summary>
    public static ConfigurationOptions Parse(string connection)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connection);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"not a Redis connection string ({e.Message}).", nameof(connection), e);
        }
        if (options.EndPoints.Count == 0)
            throw new ArgumentException("a Redis connection string names at least one host, e.g. localhost:6379.", nameof(connection));
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 5000;
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 5000);
        return options;
    }

    /// <summary>The hosts of the connection, e.g. "redis:6379", safe to log.</summary>
    public static string Describe(ConfigurationOptions options) => string.Join(",", options.EndPoints.Select(Format));

    /// <summary>True when every host is a loopback address or "localhost" (a one-machine cluster).</summary>
    public static bool IsLoopback(ConfigurationOptions options) => options.EndPoints.All(e => e switch
    {
        IPEndPoint ip => IPAddress.IsLoopback(ip.Address),
        DnsEndPoint dns => string.Equals(dns.Host, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    });

    /// <summary>
    /// Connects once to check Redis answers PING, retrying with back-off until <paramref name="budget"/>
    /// has passed; throws <see cref="RedisConnectionException"/> with the hosts named when it never does.
    /// </summary>
    public static async Task CheckReachableAsync(ConfigurationOptions options, TimeSpan budget, ILogger logger, CancellationToken cancellation)
    {
        var probe = options.Clone();
        probe.AbortOnConnectFail = true;
        probe.ConnectRetry = 1;
        try
        {
            await new Backoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), Budget: budget).RunAsync(async () =>
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(probe);
                await connection.GetDatabase().PingAsync();
            }, e => e is RedisException, TimeProvider.System, (_, e, delay) =>
                logger.LogWarning("Redis at {Hosts} is not reachable ({Error}); retrying in {Delay} ms", Describe(options), e.GetType().Name, (int)delay.TotalMilliseconds),
                cancellation);
        }
        catch (RedisException e)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, $"Redis at {Describe(options)} did not answer within {budget.TotalSeconds:F0} s.", e);
        }
    }

    private static string Format(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        _ => endpoint.ToString() ?? "?",
    };
}
