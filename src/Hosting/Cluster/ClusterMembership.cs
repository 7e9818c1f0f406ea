using System.Text.Json;
using StackExchange.Redis;

namespace Sweeps.Hosting.Cluster;

/// <summary>
/// What Orleans' Redis membership tables say about the clusters sharing one Redis: each table is a
/// hash at "{service id}/members/{cluster id}" with one JSON entry per silo that ever joined
/// ("Status": 3 is Active); a table without silo entries is left out. Used to tell a client whose ids match no silo which ids Redis does hold.
/// </summary>
public static class ClusterMembership
{
    private const int Active = 3;

    /// <summary>One membership table: its ids and how many of its silos are active.</summary>
    public sealed record Table(string ServiceId, string ClusterId, int ActiveSilos);

    /// <summary>Every membership table in Redis, sorted by service and cluster id.</summary>
    public static async Task<IReadOnlyList<Table>> ReadAsync(ConfigurationOptions redis, CancellationToken cancellation = default)
    {
        var options = redis.Clone();
        options.AbortOnConnectFail = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var database = connection.GetDatabase();
        var tables = new List<Table>();
        foreach (var server in connection.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(database.Database, "*/members/*").WithCancellation(cancellation))
            {
                var name = key.ToString();
                var at = name.IndexOf("/members/", StringComparison.Ordinal);
                if (at <= 0 || await database.KeyTypeAsync(key) != RedisType.Hash) continue;
                var entries = await database.HashGetAllAsync(key);
                var silos = entries.Where(e => e.Name.ToString().StartsWith('S')).ToList();
                // A client that looked for a cluster leaves an empty table behind: not a cluster.
                if (silos.Count == 0) continue;
                var active = silos.Count(e => IsActive(e.Value.ToString()));
                tables.Add(new Table(name[..at], name[(at + "/members/".Length)..], active));
            }
        }
        return [.. tables.OrderBy(t => t.ServiceId, StringComparer.Ordinal).ThenBy(t => t.ClusterId, StringComparer.Ordinal)];
    }

    /// <summary>A sentence naming the tables, e.g. "Redis holds cluster 'alpha' (service 'sweeps', 2 active silos)."</summary>
    public static string Describe(IReadOnlyList<Table> tables) => tables.Count == 0
        ? "Redis holds no cluster: no silo has joined through it."
        : "Redis holds " + string.Join("; ", tables.Select(t =>
            $"cluster '{t.ClusterId}' (service '{t.ServiceId}', {t.ActiveSilos} active silo{(t.ActiveSilos == 1 ? "" : "s")})")) + ".";

    private static bool IsActive(string json)
    {
        try
        {
            using var entry = JsonDocument.Parse(json);
            return entry.RootElement.TryGetProperty("Status", out var status) && status.TryGetInt32(out var value) && value == Active;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
