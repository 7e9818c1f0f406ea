using System.Reflection;
using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;

namespace Sweeps.Client.Commands;

/// <summary>
/// `sweeps run SPEC`: runs a sweep in this process (embedded silo, SQLite store in the output
/// folder), shows progress, then writes the output folder. Running it again resumes: finished
/// trials are read back from the store, never recomputed.
/// </summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "run a sweep (embedded) and write trials, cells and phase diagrams";

    public string Usage => """
        Usage: sweeps run SPEC.yaml [--out DIR] [--max-concurrent-trials N] [--trials N]

        Runs every trial of the spec on a silo hosted in this process and writes DIR:
        trials.csv, trials.parquet, cells.csv, summary.json, spec.yaml, manifest.json and the
        phase diagrams (phase-*.png, phase-*.svg). State is kept durably in DIR/state/sweeps.db:
        Ctrl+C stops cleanly, and after a stop or a crash the same command resumes, reusing
        every finished trial (manifest.json records trials_computed and trials_reused).

          --out DIR                   output folder (default: runs/<sweep id>)
          --max-concurrent-trials N   trials computed at once (default: the number of cores)
          --trials N                  trials per cell and method instead of the spec's; the sweep
                                      id does not change, so the same --out is extended (finished
                                      trials are reused) and a smaller N reports the first N

        The embedded silo logs nothing unless SWEEPS_LOG_LEVEL is set (Trace, Debug, Information,
        Warning, Error): then its log lines go to stderr.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, ["out", "max-concurrent-trials", "trials"], []);
        var spec = SpecArguments.Load(reader, terminal, reader.Int("trials", min: 1));
        if (spec is null) return CommandLine.BadInput;
        var folder = reader.String("out") ?? Path.Combine("runs", spec.SweepId);
        var slots = reader.Int("max-concurrent-trials", min: 1);
        RefuseForeignFolder(folder, spec);
        Directory.CreateDirectory(folder);

        var started = DateTimeOffset.UtcNow;
        var options = new SweepsSiloOptions { Engine = new() { ExecutorThreads = slots ?? Environment.ProcessorCount } };
        await using var host = await EmbeddedSweepHost.StartAsync(folder, options, EmbeddedLogging.FromEnvironment(), cancellation);
        var definition = spec.Definition;
        terminal.Error.WriteLine($"sweep '{definition.SweepId}': {definition.TotalTrials} trials ({definition.Cells.Length} cells x {definition.Methods.Length} methods x {definition.Trials}), output {folder}");

        SweepProgress final;
        try
        {
            final = await host.Client.RunAsync(definition, new ProgressLine(terminal, started), cancellation: cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            terminal.Error.WriteLine();
            terminal.Error.WriteLine($"stopped: finished trials are stored in {folder}; run the same command again to resume.");
            return CommandLine.Interrupted;
        }
        if (final.Status != SweepStatus.Completed)
        {
            terminal.Error.WriteLine($"sweep '{definition.SweepId}' ended {final.Status}; outputs not written.");
            return CommandLine.Failed;
        }

        var records = new List<TrialRecord>();
        await foreach (var record in host.Client.ReadRecordsAsync(definition.SweepId, cancellation))
            records.Add(record);
        var manifest = new RunManifest(
            Version(typeof(RunCommand)), Environment.Version.ToString(), Version(typeof(IGrain)), definition.SweepId, definition.Seed,
            started, DateTimeOffset.UtcNow, definition.TotalTrials, final.Computed, final.Reused,
            (DateTimeOffset.UtcNow - started).TotalSeconds);
        var cells = await OutputFolder.WriteAsync(folder, spec, records, manifest);
        var plots = PhaseDiagram.RenderAll(folder, spec, cells);

        terminal.Error.WriteLine($"done: {final.Computed} trials computed, {final.Reused} reused, {final.Successes} successes, {final.Diverged} diverged.");
        terminal.Out.WriteLine(Path.Combine(folder, OutputFolder.TrialsCsv));
        terminal.Out.WriteLine(Path.Combine(folder, OutputFolder.CellsCsv));
        foreach (var plot in plots)
            terminal.Out.WriteLine(plot);
        return CommandLine.Ok;
    }

    /// <summary>An output folder belongs to one sweep: refuse to mix another sweep's state or files into it.</summary>
    private static void RefuseForeignFolder(string folder, LoadedSpec spec)
    {
        var existing = Path.Combine(folder, OutputFolder.Spec);
        if (!File.Exists(existing)) return;
        string other;
        try
        {
            other = SpecLoader.LoadFile(existing).SweepId;
        }
        catch (SpecException)
        {
            other = "(unreadable)";
        }
        if (other != spec.SweepId)
            throw new UsageException($"--out: '{folder}' holds sweep '{other}', not '{spec.SweepId}'; choose another folder.");
    }

    private static string Version(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";
}
