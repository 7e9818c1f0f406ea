using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Commands;

/// <summary>
/// `sweeps export ID --out DIR --cluster REDIS`: writes the output folder of a completed cluster
/// sweep from the cluster alone (the spec text is stored with the sweep in the registry).
/// </summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "write the output folder of a completed cluster sweep";

    public string Usage => $"""
        Usage: sweeps export ID --out DIR [--cluster REDIS] [--cluster-id ID] [--service-id ID]

        Writes DIR as 'sweeps run' does (trials.csv, trials.parquet, cells.csv, summary.json,
        spec.yaml, manifest.json, phase diagrams) from the records stored on the cluster; the
        original spec file is not needed. The sweep must be completed.

          --out DIR         output folder
        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, ["out", .. ClusterArguments.Options], []);
        var id = ClusterArguments.SweepId(reader);
        var folder = reader.RequiredString("out", "give the output folder");
        await using var connection = await ClusterArguments.ConnectAsync(reader, cancellation);
        var grains = connection.Client;
        var text = await grains.GetGrain<ISweepRegistryGrain>(GrainKeys.Registry).GetSpecText(id);
        if (text is null)
            return ClusterArguments.NotFound(terminal, id);
        var progress = await grains.GetGrain<ISweepGrain>(id).GetProgress();
        if (progress.Status != SweepStatus.Completed)
        {
            terminal.Error.WriteLine($"sweep '{id}' is {progress.Status} ({progress.Done}/{progress.Total} done); export needs a completed sweep ('sweeps watch {id}').");
            return CommandLine.Failed;
        }
        var spec = SpecLoader.Load(text);
        // An adaptive sweep's cells and trials are its last round's, which only the coordinator holds.
        if (spec.Adaptive is not null && await grains.GetGrain<ISweepGrain>(id).GetDefinition() is { } rounds)
            spec = spec with { Definition = rounds };
        await SweepExport.WriteAsync(grains, spec, folder, progress, progress.StartedAt ?? DateTimeOffset.UtcNow, null, terminal, cancellation);
        return CommandLine.Ok;
    }
}
