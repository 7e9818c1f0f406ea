using System.Reflection;
using Sweeps.Client.Cli;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;

namespace Sweeps.Client.Output;

/// <summary>
/// Writes the output folder of a completed sweep from its stored records, the same way in
/// embedded and cluster mode (run, export): data files, manifest and phase diagrams; prints the
/// summary line to stderr and the written paths to stdout. The records are those of <c>spec.Definition</c> (an adaptive
/// sweep's last round). <c>tolerance</c> (cluster mode): how long
/// reads are retried while silos are unavailable.
/// </summary>
public static class SweepExport
{
    public static async Task WriteAsync(
        IGrainFactory grains, LoadedSpec spec, string folder, SweepProgress final, DateTimeOffset started, TimeSpan? tolerance,
        Terminal terminal, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var records = new List<TrialRecord>();
        await foreach (var record in grains.ReadRecordsAsync(spec.Definition, tolerance, cancellation))
            records.Add(record);
        var finished = final.FinishedAt ?? DateTimeOffset.UtcNow;
        var manifest = new RunManifest(
            Version(typeof(SweepExport)), Environment.Version.ToString(), Version(typeof(IGrain)), spec.SweepId, spec.Definition.Seed,
            started, finished, final.Total, final.Computed, final.Reused, (finished - started).TotalSeconds);
        var (cells, trials) = await OutputFolder.WriteTablesAsync(folder, spec, records, manifest);
        var plots = PhaseDiagram.RenderAll(folder, spec, cells, trials);

        terminal.Error.WriteLine($"done: {final.Computed} trials computed, {final.Reused} reused, {final.Successes} successes, {final.Diverged} diverged.");
        terminal.Out.WriteLine(Path.Combine(folder, OutputFolder.TrialsCsv));
        terminal.Out.WriteLine(Path.Combine(folder, OutputFolder.CellsCsv));
        foreach (var plot in plots)
            terminal.Out.WriteLine(plot);
    }

    /// <summary>The informational version of the type's assembly ("1.0.0+commit"), as manifest.json and --version print it.</summary>
    internal static string Version(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";
}
