using System.Globalization;
using System.Text.Json;
using Sweeps.Client.Cli;
using Sweeps.Client.Commands;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Specs;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Theory;
using Sweeps.Numerics.Trials;
using TrialRecord = Sweeps.Grains.Sweeps.TrialRecord;

namespace Sweeps.Client.Tests.Output;

/// <summary>transitions.csv, its summary.json list and `sweeps transitions`.</summary>
public sealed class TransitionTableTests : IDisposable
{
    private const string Yaml = "problem: general-sensing\nfixed: {d: 10, k: 4}\naxes: {r: [1, 2], m: [20, 40, 60, 80]}\nmethods: [nuclear, flat-convex]\ntrials: 10\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-transitions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Successes out of 10 at m = 20, 40, 60, 80: r = 1 rises through 40-60, r = 2 later; flat-convex all fail at r = 2.</summary>
    private static int Successes(string method, int r, int m) =>
        method == "flat-convex" && r == 2 ? 0 : (r, m) switch { (1, 20) => 0, (1, 40) => 3, (1, 60) => 8, (1, _) => 10, (_, 20) => 0, (_, 40) => 1, (_, 60) => 4, _ => 9 };

    private async Task<LoadedSpec> Write(string yaml = Yaml)
    {
        var spec = SpecLoader.Load(yaml, ToyCatalog.Instance);
        var records = new List<TrialRecord>();
        foreach (var method in new[] { "nuclear", "flat-convex" })
            foreach (var r in new[] { 1, 2 })
                foreach (var m in new[] { 20, 40, 60, 80 })
                    for (var t = 0; t < 10; t++)
                        records.Add(new($"m={m};r={r}", method, t, (ulong)t, TrialStatus.Converged, null, 0.1, t < Successes(method, r, m), 1e-3, 1, 1, 0.01, 2, 150, 0.25, []));
        var manifest = new RunManifest("0", "0", "0", spec.SweepId, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, records.Count, records.Count, 0, 1);
        await OutputFolder.WriteAsync(_folder, spec, records, manifest);
        return spec;
    }

    [Fact]
    public async Task Each_line_along_m_is_fitted_with_its_coordinates_theory_and_status()
    {
        await Write();
        var rows = CsvText.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, TransitionTable.File)));
        Assert.Equal(["d1", "d2", "r", "k", "method", "axis", "m50", "m50_low", "m50_high", "width", "trials", "successes", "theory", "fit"], rows[0]);
        Assert.Equal(5, rows.Count);
        var byLine = rows.Skip(1).ToDictionary(f => (f[4], f[2]));

        var line = byLine[("nuclear", "1")];
        var fit = ProbitFit.Fit([new(20, 10, 0), new(40, 10, 3), new(60, 10, 8), new(80, 10, 10)]);
        Assert.Equal(("10", "10", "4", "m", TransitionStatus.Ok), (line[0], line[1], line[3], line[5], line[13]));
        Assert.Equal(fit.X50, Parse(line[6]));
        Assert.True(Parse(line[7]) < fit.X50 && fit.X50 < Parse(line[8]));
        Assert.InRange(fit.X50, 40, 60);
        Assert.Equal(("40", "21"), (line[10], line[11]));
        Assert.Equal(StatisticalDimension.Default.General(10, 10, 1), Parse(line[12]));

        Assert.Equal(TransitionStatus.AllFail, byLine[("flat-convex", "2")][13]);
        Assert.Equal("", byLine[("flat-convex", "2")][6]);
        Assert.True(Parse(byLine[("nuclear", "2")][6]) > fit.X50);
    }

    [Fact]
    public async Task Summary_json_lists_the_transitions()
    {
        await Write();
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, OutputFolder.Summary)));
        var transitions = summary.RootElement.GetProperty("transitions");
        Assert.Equal("m", transitions.GetProperty("axis").GetString());
        var lines = transitions.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("nuclear", lines[0].GetProperty("method").GetString());
        Assert.Equal(1, lines[0].GetProperty("coordinates").GetProperty("r").GetDouble());
        Assert.Equal(JsonValueKind.Null, lines.Single(l => l.GetProperty("fit").GetString() == TransitionStatus.AllFail).GetProperty("m50").ValueKind);
    }

    [Fact]
    public async Task Transition_axis_can_be_named_and_is_kept_in_spec_yaml()
    {
        var spec = await Write(Yaml + "transition: { axis: r }\n");
        Assert.Equal("r", spec.TransitionAxis);
        Assert.Contains("transition: { axis: r }\n", spec.NormalizedText, StringComparison.Ordinal);
        Assert.Equal(SpecLoader.Load(Yaml, ToyCatalog.Instance).SweepId, spec.SweepId);
        var rows = CsvText.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, TransitionTable.File)));
        Assert.Equal(["d1", "d2", "k", "m", "method", "axis"], rows[0][..6]);
        Assert.Equal(1 + 8, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(TransitionStatus.TooFew, r[^1]));
        Assert.All(rows.Skip(1), r => Assert.Equal("", r[^2]));
    }

    [Fact]
    public void A_transition_axis_that_is_not_an_axis_is_an_error_naming_the_field()
    {
        var e = Assert.Throws<SpecException>(() => SpecLoader.Load(Yaml + "transition: { axis: k }\n", ToyCatalog.Instance));
        Assert.Contains("transition.axis: 'k' is not an axis of the sweep; allowed: r, m.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<SpecException>(() => SpecLoader.Load(Yaml + "transition: { along: m }\n", ToyCatalog.Instance));
        Assert.Contains("transition.along", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_m_or_p_axis_there_is_no_transition_axis()
    {
        Assert.Null(SpecLoader.Load("problem: general-sensing\nfixed: {d: 10, k: 4, m: 40}\naxes: {r: [1, 2]}\nmethods: [nuclear]\n", ToyCatalog.Instance).TransitionAxis);
        Assert.Equal("m", SpecLoader.Load(Yaml, ToyCatalog.Instance).TransitionAxis);
    }

    [Fact]
    public async Task The_command_prints_the_table_and_json()
    {
        await Write();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var commandLine = new CommandLine([new TransitionsCommand()], new Terminal(output, error, false));
        Assert.Equal(0, await commandLine.RunAsync(["transitions", _folder], CancellationToken.None));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("r  method", lines[0], StringComparison.Ordinal);
        Assert.Contains("m50", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains("all-fail", lines[4], StringComparison.Ordinal);

        output.GetStringBuilder().Clear();
        Assert.Equal(0, await commandLine.RunAsync(["transitions", _folder, "--json"], CancellationToken.None));
        using var json = JsonDocument.Parse(output.ToString());
        var csv = CsvText.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, TransitionTable.File)));
        Assert.Equal(Parse(csv[1][6]), json.RootElement.GetProperty("lines")[0].GetProperty("m50").GetDouble());

        Assert.Equal(2, await commandLine.RunAsync(["transitions", Path.Combine(_folder, "missing")], CancellationToken.None));
        Assert.Contains("is not a finished output folder", error.ToString(), StringComparison.Ordinal);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
