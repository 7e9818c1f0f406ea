using Sweeps.Client.Cli;
using Sweeps.Hosting.Cluster;

namespace Sweeps.Client.Commands;

/// <summary>
/// The --cluster option shared by the cluster commands: a Redis connection string (SWEEPS_CLUSTER
/// when the option is absent). The cluster and service ids come from SWEEPS_CLUSTER_ID and
/// SWEEPS_SERVICE_ID (default "sweeps"), as for the silos.
/// </summary>
public static class ClusterArguments
{
    public const string Option = "cluster";

    /// <summary>How long connecting waits for a silo to answer.</summary>
    public static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(30);

    public const string Help = "  --cluster REDIS   the cluster's Redis connection string (default: $SWEEPS_CLUSTER)";

    /// <summary>The connection string, or null when neither the option nor SWEEPS_CLUSTER is given.</summary>
    public static string? Find(ArgumentReader reader) =>
        reader.String(Option) ?? (Environment.GetEnvironmentVariable("SWEEPS_CLUSTER") is { Length: > 0 } env ? env : null);

    public static string Required(ArgumentReader reader) =>
        Find(reader) ?? throw new UsageException("--cluster: missing; give the cluster's Redis connection string (or set SWEEPS_CLUSTER).");

    /// <summary>Connects to the cluster; a bad connection string is a usage error.</summary>
    public static async Task<ClusterConnection> ConnectAsync(string redis, CancellationToken cancellation)
    {
        try
        {
            RedisEndpoint.Parse(redis);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--cluster: {e.Message.Split(" (Parameter")[0]}");
        }
        return await ClusterConnection.ConnectAsync(redis, Id("SWEEPS_CLUSTER_ID"), Id("SWEEPS_SERVICE_ID"), ConnectBudget, cancellation: cancellation);
    }

    /// <summary>The sweep id positional argument of status, watch, cancel and export.</summary>
    public static string SweepId(ArgumentReader reader) => reader.Positional.Count switch
    {
        1 => reader.Positional[0],
        0 => throw new UsageException("ID: missing; give a sweep id (see 'sweeps list')."),
        _ => throw new UsageException($"'{reader.Positional[1]}': unexpected argument; give one sweep id."),
    };

    private static string Id(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } id ? id : "sweeps";
}
