using System.Globalization;
using Sweeps.Client.Cli;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps list --cluster REDIS`: every sweep submitted to the cluster with its status and progress, one per line.</summary>
public sealed class ListCommand : ICommand
{
    public string Name => "list";

    public string Summary => "list the sweeps of a cluster";

    public string Usage => $"""
        Usage: sweeps list [--cluster REDIS] [--cluster-id ID] [--service-id ID]

        Prints one line per sweep submitted to the cluster: id, status, trials done / total.

        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, ClusterArguments.Options, []);
        if (reader.Positional.Count > 0)
            throw new UsageException($"'{reader.Positional[0]}': unexpected argument; list takes none.");
        await using var connection = await ClusterArguments.ConnectAsync(reader, cancellation);
        var ids = await connection.Client.GetGrain<ISweepRegistryGrain>(GrainKeys.Registry).List();
        foreach (var id in ids)
        {
            var p = await connection.Client.GetGrain<ISweepGrain>(id).GetProgress();
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}\t{p.Status}\t{p.Done}/{p.Total}"));
        }
        if (ids.IsEmpty)
            terminal.Error.WriteLine("no sweeps on this cluster yet.");
        return CommandLine.Ok;
    }
}
