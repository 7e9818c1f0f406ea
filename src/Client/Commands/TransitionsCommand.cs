using System.Globalization;
using System.Text.Json;
using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps transitions DIR [--json]`: the fitted transition of every line of a finished output folder.</summary>
public sealed class TransitionsCommand : ICommand
{
    public string Name => "transitions";

    public string Summary => "print the fitted 50% point of every line (transitions.csv)";

    public string Usage => """
        Usage: sweeps transitions DIR [--json]

        Fits, from DIR/spec.yaml and DIR/cells.csv (the numbers DIR/transitions.csv holds), a probit
        success curve Phi((m - m50) / w) along the transition axis (spec transition.axis; default m,
        else p) for every line of the grid (every other coordinate and the method fixed), by maximum
        likelihood, and prints per line: m50 with its 95% profile-likelihood interval, the 10%-90%
        width, trials, successes, the theory value (statistical dimension or PSD feasibility, noiseless
        Gaussian sensing only) and the fit status: ok, all-fail, all-success, separated (no finite
        width: the interval runs from the last value where all failed to the first where all succeeded),
        not-monotone (fitted slope not positive) or too-few (fewer than 3 axis values with trials).

          --json   one object: {"axis", "lines": [{"method", "coordinates", "axis", "m50", "m50_low",
                   "m50_high", "width", "trials", "successes", "theory", "fit"}]} (null for no value)
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, [], ["json"]);
        var json = reader.Flag("json");
        var (_, spec, cells) = FinishedFolder.Read(reader);
        var rows = TransitionTable.Fit(spec.Definition.Problem, spec.TransitionAxis, cells);
        if (json)
            terminal.Out.WriteLine(Json(spec.TransitionAxis, rows));
        else if (spec.TransitionAxis is null)
            terminal.Error.WriteLine("no transitions: the grid has no m or p axis and the spec names no transition.axis.");
        else
            Table(terminal.Out, TransitionTable.CoordinateColumns(spec.Definition, spec.TransitionAxis), spec.TransitionAxis, rows);
        return Task.FromResult(CommandLine.Ok);
    }

    private static string Json(string? axis, IReadOnlyList<TransitionRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            TransitionTable.WriteJson(json, axis, rows);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Aligned columns: the coordinates that vary between lines, method, m50 [low, high], width, trials, successes, theory, fit.</summary>
    private static void Table(TextWriter output, IReadOnlyList<string> coordinates, string axis, IReadOnlyList<TransitionRow> rows)
    {
        var varying = coordinates.Where(c => rows.Select(r => r.Coordinates.GetValueOrDefault(c, double.NaN)).Distinct().Count() > 1).ToList();
        List<string[]> table = [[.. varying, "method", $"{axis}50", "95% interval", "width", "trials", "successes", "theory", "fit"]];
        foreach (var row in rows)
        {
            var interval = double.IsNaN(row.Fit.X50) ? "" : $"[{F(row.Fit.Low)}, {F(row.Fit.High)}]";
            table.Add(
            [
                .. varying.Select(c => row.Coordinates.TryGetValue(c, out var v) ? v.ToString("G6", CultureInfo.InvariantCulture) : ""),
                row.Method, F(row.Fit.X50), interval, F(row.Fit.Width),
                row.Fit.Trials.ToString(CultureInfo.InvariantCulture), row.Fit.Successes.ToString(CultureInfo.InvariantCulture),
                F(row.Theory ?? double.NaN), row.Fit.Status,
            ]);
        }
        var widths = Enumerable.Range(0, table[0].Length).Select(i => table.Max(r => r[i].Length)).ToArray();
        foreach (var line in table)
            output.WriteLine(string.Join("  ", line.Select((f, i) => f.PadRight(widths[i]))).TrimEnd());
    }

    /// <summary>One decimal; empty for no value (a bound that did not close is NaN).</summary>
    private static string F(double value) =>
        double.IsFinite(value) ? value.ToString("F1", CultureInfo.InvariantCulture) : "";
}
