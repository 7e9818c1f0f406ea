using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps plot DIR`: redraws phase diagrams from a finished output folder, computing nothing.</summary>
public sealed class PlotCommand : ICommand
{
    public string Name => "plot";

    public string Summary => "redraw phase diagrams and scatter plots from an output folder";

    public string Usage => $"""
        Usage: sweeps plot DIR [--x AXIS --y AXIS [--facet AXIS] [--metric METRIC]]
               sweeps plot DIR --kind scatter --x COLUMN --y COLUMN

        Redraws plots from DIR/spec.yaml, DIR/cells.csv and DIR/trials.csv without recomputing
        anything. Without --x/--y: every plot of the spec. AXIS is an axis of the sweep or 'method'.
        METRIC: {string.Join(" | ", PlotMetrics.All)} (default success_rate).
        A scatter plot (scatter-X-Y.png/.svg) has one point per trial, log-log, coloured by method;
        COLUMN: {string.Join(" | ", ScatterRequest.Columns)}.
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, ["kind", "x", "y", "facet", "metric"], []);
        var (folder, spec, cells) = FinishedFolder.Read(reader);
        var values = new Dictionary<string, string>();
        foreach (var key in (string[])["x", "y", "facet", "metric"])
            if (reader.String(key) is { } value)
                values[key] = value;

        var kind = reader.String("kind") ?? ScatterRequest.PhaseKind;
        var errors = new List<string>();
        List<string> files;
        if (kind == ScatterRequest.Kind)
        {
            var scatter = ScatterRequest.TryCreate("", values, errors) ?? throw UsageError(errors);
            files = ScatterPlot.RenderAll(folder, spec with { Scatters = [scatter] });
        }
        else if (kind != ScatterRequest.PhaseKind)
            throw new UsageException($"--kind: '{kind}' is not allowed; allowed: {ScatterRequest.PhaseKind}, {ScatterRequest.Kind}.");
        else if (values.Count > 0)
        {
            var plot = PlotRequest.TryCreate("", values, spec.Axes.Select(a => a.Name).ToList(), errors) ?? throw UsageError(errors);
            var varying = PlotRequest.Varying(spec.Axes.Select(a => (a.Name, a.Values.Length)), spec.Definition.Methods.Length);
            if (plot.PoolingError("--x, --y, --facet", varying) is { } pooling)
                throw new UsageException(pooling);
            files = [.. PhaseDiagram.Render(folder, plot, cells, PhaseDiagram.Title(spec), TheoryOverlays.For(spec, plot),
                TransitionTable.Fit(spec.Definition.Problem, spec.TransitionAxis, cells))];
        }
        else
            files = PhaseDiagram.RenderAll(folder, spec, cells);
        foreach (var file in files)
            terminal.Out.WriteLine(file);
        return Task.FromResult(CommandLine.Ok);
    }

    private static UsageException UsageError(List<string> errors) =>
        new(string.Join(Environment.NewLine, errors.Select(e => "--" + e.TrimStart('.'))));
}
