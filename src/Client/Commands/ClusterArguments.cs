using Sweeps.Client.Cli;
using Sweeps.Hosting.Cluster;

namespace Sweeps.Client.Commands;

/// <summary>
/// The options every cluster command shares, each defaulting to its environment variable as the
/// silo's flags do: --cluster (the Redis connection string, SWEEPS_CLUSTER), --cluster-id
/// (SWEEPS_CLUSTER_ID) and --service-id (SWEEPS_SERVICE_ID), both "sweeps" by default.
/// SWEEPS_CONNECT_TIMEOUT (seconds, default 30) bounds the wait for a silo to answer.
/// </summary>
public static class ClusterArguments
{
    public const string Option = "cluster";
    public const string ClusterIdOption = "cluster-id";
    public const string ServiceIdOption = "service-id";

    /// <summary>The three options, for a command's <see cref="ArgumentReader"/>.</summary>
    public static readonly string[] Options = [Option, ClusterIdOption, ServiceIdOption];

    /// <summary>The default of both ids, as on the silo.</summary>
    public const string DefaultId = "sweeps";

    public const string Help = """
          --cluster REDIS             the cluster's Redis connection string (default: $SWEEPS_CLUSTER)
          --cluster-id ID             the silos' --cluster-id (default: $SWEEPS_CLUSTER_ID, else sweeps)
          --service-id ID             the silos' --service-id (default: $SWEEPS_SERVICE_ID, else sweeps)
        """;

    /// <summary>The connection string, or null when neither the option nor SWEEPS_CLUSTER is given.</summary>
    public static string? Find(ArgumentReader reader) => reader.String(Option) ?? Variable("SWEEPS_CLUSTER");

    public static string Required(ArgumentReader reader) =>
        Find(reader) ?? throw new UsageException("--cluster: missing; give the cluster's Redis connection string (or set SWEEPS_CLUSTER).");

    /// <summary>Connects to the cluster the reader's options name; a bad connection string or id is a usage error.</summary>
    public static Task<ClusterConnection> ConnectAsync(ArgumentReader reader, CancellationToken cancellation) =>
        ConnectAsync(Required(reader), reader, cancellation);

    /// <summary>Connects to the cluster at <paramref name="redis"/> with the ids of the reader's options.</summary>
    public static async Task<ClusterConnection> ConnectAsync(string redis, ArgumentReader reader, CancellationToken cancellation)
    {
        var clusterId = Id(reader, ClusterIdOption, "SWEEPS_CLUSTER_ID");
        var serviceId = Id(reader, ServiceIdOption, "SWEEPS_SERVICE_ID");
        try
        {
            RedisEndpoint.Parse(redis);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--cluster: {e.Message.Split(" (Parameter")[0]}");
        }
        return await ClusterConnection.ConnectAsync(redis, clusterId, serviceId, ConnectBudget(), cancellation: cancellation);
    }

    /// <summary>Reads `ID [--cluster REDIS] [--cluster-id ID] [--service-id ID]` and connects: the commands that act on one sweep.</summary>
    public static async Task<(ClusterConnection Connection, string SweepId)> ConnectToSweepAsync(IReadOnlyList<string> args, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, Options, []);
        var id = SweepId(reader);
        return (await ConnectAsync(reader, cancellation), id);
    }

    /// <summary>Reports an unknown sweep id; returns the exit code.</summary>
    public static int NotFound(Terminal terminal, string sweepId)
    {
        terminal.Error.WriteLine($"sweep '{sweepId}': not found on this cluster (see 'sweeps list').");
        return CommandLine.Failed;
    }

    /// <summary>The sweep id positional argument of status, watch, cancel and export.</summary>
    public static string SweepId(ArgumentReader reader) => reader.Positional.Count switch
    {
        1 => reader.Positional[0],
        0 => throw new UsageException("ID: missing; give a sweep id (see 'sweeps list')."),
        _ => throw new UsageException($"'{reader.Positional[1]}': unexpected argument; give one sweep id."),
    };

    /// <summary>How long connecting waits for a silo to answer: SWEEPS_CONNECT_TIMEOUT seconds, default 30.</summary>
    public static TimeSpan ConnectBudget()
    {
        if (Variable("SWEEPS_CONNECT_TIMEOUT") is not { } text)
            return TimeSpan.FromSeconds(30);
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
               && double.IsFinite(seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"SWEEPS_CONNECT_TIMEOUT: '{text}' is not allowed; it must be a number of seconds > 0.");
    }

    /// <summary>An id from its option, else its variable, else "sweeps"; Orleans ids are non-empty and have no '/' (a Redis key separator).</summary>
    private static string Id(ArgumentReader reader, string option, string variable)
    {
        var id = reader.String(option) ?? Variable(variable) ?? DefaultId;
        if (id.Length == 0 || id.Contains('/', StringComparison.Ordinal) || id.Any(char.IsWhiteSpace))
            throw new UsageException($"--{option}: '{id}' is not allowed; an id is a non-empty name without '/' or spaces.");
        return id;
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
