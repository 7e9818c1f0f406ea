using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps plot DIR`: redraws phase diagrams from a finished output folder, computing nothing.</summary>
public sealed class PlotCommand : ICommand
{
    public string Name => "plot";

    public string Summary => "redraw phase diagrams from an output folder";

    public string Usage => $"""
        Usage: sweeps plot DIR [--x AXIS --y AXIS [--facet AXIS] [--metric METRIC]]

        Redraws phase diagrams from DIR/spec.yaml and DIR/cells.csv without recomputing anything.
        Without --x/--y: every plot of the spec. AXIS is an axis of the sweep or 'method'.
        METRIC: {string.Join(" | ", PlotMetrics.All)} (default success_rate).
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, ["x", "y", "facet", "metric"], []);
        if (reader.Positional.Count != 1)
            throw new UsageException("DIR: give one output folder (the --out of 'sweeps run').");
        var folder = reader.Positional[0];
        var specPath = Path.Combine(folder, OutputFolder.Spec);
        var cellsPath = Path.Combine(folder, OutputFolder.CellsCsv);
        if (!File.Exists(specPath) || !File.Exists(cellsPath))
            throw new UsageException($"DIR: '{folder}' is not a finished output folder (it needs {OutputFolder.Spec} and {OutputFolder.CellsCsv}).");

        var spec = SpecLoader.LoadFile(specPath);
        var cells = CellTable.Read(cellsPath);
        var values = new Dictionary<string, string>();
        foreach (var key in (string[])["x", "y", "facet", "metric"])
            if (reader.String(key) is { } value)
                values[key] = value;

        IEnumerable<PlotRequest> plots = spec.Plots;
        if (values.Count > 0)
        {
            var errors = new List<string>();
            var plot = PlotRequest.TryCreate("", values, spec.Axes.Select(a => a.Name).ToList(), errors);
            if (plot is null)
                throw new UsageException(string.Join(Environment.NewLine, errors.Select(e => "--" + e.TrimStart('.'))));
            plots = [plot];
        }
        foreach (var plot in plots)
            foreach (var file in PhaseDiagram.Render(folder, plot, cells, PhaseDiagram.Title(spec), TheoryOverlays.For(spec, plot)))
                terminal.Out.WriteLine(file);
        return Task.FromResult(CommandLine.Ok);
    }
}
