using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Specs;
using Sweeps.Numerics.Trials;
using TrialRecord = Sweeps.Grains.Sweeps.TrialRecord;

namespace Sweeps.Client.Tests.Output;

/// <summary>median_error_over_noise in cells.csv and as a phase-diagram metric.</summary>
public sealed class NoiseMetricTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-noise-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrialRecord Record(string cell, int trial, double error) =>
        new(cell, "nuclear", trial, (ulong)trial, TrialStatus.Converged, null, error, false, 1e-3, 30, 28, 0.01, 2, 150, 0.25, []);

    private static double BruteMedian(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<List<CellSummary>> Write(string yaml, List<TrialRecord> records)
    {
        var spec = SpecLoader.Load(yaml, ToyCatalog.Instance);
        var manifest = new RunManifest("0", "0", "0", spec.SweepId, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, records.Count, records.Count, 0, 1);
        await OutputFolder.WriteAsync(_folder, spec, records, manifest);
        return CellTable.Read(Path.Combine(_folder, OutputFolder.CellsCsv));
    }

    [Fact]
    public async Task Cells_csv_holds_the_median_of_error_over_sigma_and_nothing_when_noiseless()
    {
        double[] errors = [0.031, 0.002, 0.017, 0.5];
        var records = new[] { ("noise=0", 1.0), ("noise=0.02", 0.02), ("noise=0.5", 0.5) }
            .SelectMany(c => errors.Select((e, t) => Record(c.Item1, t, e * c.Item2 + 1e-9))).ToList();
        var cells = await Write("problem: general-sensing\nfixed: {d: 10, r: 1, m: 40}\naxes: {noise: [0, 0.02, 0.5]}\nmethods: [nuclear]\ntrials: 4\n", records);

        var lines = File.ReadAllLines(Path.Combine(_folder, OutputFolder.CellsCsv));
        Assert.Empty(lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), "median_error_over_noise")]); // noiseless: the column is empty
        foreach (var (cell, sigma) in new[] { (1, 0.02), (2, 0.5) })
        {
            var expected = BruteMedian(records.Where(r => r.CellKey == $"noise={sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)}").Select(r => r.RelError / sigma));
            Assert.Equal(expected, cells[cell].MedianErrorOverNoise, 12);
            var column = Array.IndexOf(lines[0].Split(','), "median_error_over_noise");
            var written = double.Parse(lines[1 + cell].Split(',')[column], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, written, 12);
        }
        Assert.True(double.IsNaN(cells[0].MedianErrorOverNoise));
    }

    [Fact]
    public async Task Relative_noise_is_the_sigma_when_the_spec_uses_it()
    {
        double[] errors = [0.3, 0.1, 0.2];
        var records = errors.Select((e, t) => Record("noise_relative=0.1", t, e)).ToList();
        var cells = await Write("problem: general-sensing\nfixed: {d: 10, r: 1, m: 40}\naxes: {noise_relative: [0.1]}\nmethods: [nuclear]\ntrials: 3\n", records);
        Assert.Equal(0.2 / 0.1, Assert.Single(cells).MedianErrorOverNoise, 12);
    }

    [Fact]
    public async Task Phase_diagram_colours_error_over_noise_on_a_log_scale()
    {
        var records = new[] { ("m=40;noise=0.01", 0.01), ("m=40;noise=0.1", 0.1), ("m=80;noise=0.01", 0.01), ("m=80;noise=0.1", 0.1) }
            .SelectMany(c => Enumerable.Range(0, 3).Select(t => Record(c.Item1, t, (t + 1) * c.Item2 * (c.Item1.StartsWith("m=40", StringComparison.Ordinal) ? 3 : 1)))).ToList();
        var cells = await Write("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [40, 80], noise: [0.01, 0.1]}\nmethods: [nuclear]\ntrials: 3\n", records);

        var request = new PlotRequest("m", "noise", null, PlotMetrics.MedianErrorOverNoise);
        var grid = PhaseGrid.Build(request, cells);
        // error / sigma = 2 (median of 1, 2, 3) at m = 80 and 6 at m = 40, whatever sigma is.
        var values = Assert.Single(grid.Panels).Values;
        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(6, values[j, 0], 9);
            Assert.Equal(2, values[j, 1], 9);
        }
        var svg = File.ReadAllText(PhaseDiagram.Render(_folder, request, cells, "noise")[1]);
        Assert.Contains("median relative error over noise (log scale)", svg, StringComparison.Ordinal);
        // Less than a decade (2 to 6): the colour bar is labelled at 2 and 5, not at powers of ten.
        Assert.Matches(@">\s*2e0\s*<", svg);
        Assert.Matches(@">\s*5e0\s*<", svg);
        Assert.DoesNotMatch(@">\s*1e0\s*<", svg);
    }

    [Fact]
    public async Task Facets_share_one_colour_scale()
    {
        // nuclear's errors are 1e-6 to 1e-5, flat-convex's 1e-3 to 1e-2: each panel's colour bar must span 1e-6 to 1e-2.
        string[] cellKeys = ["m=40", "m=80"];
        (string, double)[] scales = [("nuclear", 1e-6), ("flat-convex", 1e-3)];
        var records = cellKeys.SelectMany(cell => scales
            .SelectMany(x => Enumerable.Range(0, 3).Select(t => Record(cell, t, x.Item2 * (cell == "m=40" ? 10 : 1)) with { Method = x.Item1 }))).ToList();
        var cells = await Write("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [40, 80]}\nmethods: [nuclear, flat-convex]\ntrials: 3\n", records);

        var svg = File.ReadAllText(PhaseDiagram.Render(_folder, new PlotRequest("m", "method", PlotRequest.Method, PlotMetrics.MedianError), cells, "shared")[1]);
        // Per-panel scales would label 1e-6 only on nuclear's bar, 1e-2 only on flat-convex's, and 1e-4 nowhere.
        string[] labels = [@">\s*1e-6\s*<", @">\s*1e-4\s*<", @">\s*1e-2\s*<"];
        var counts = labels.Select(l => System.Text.RegularExpressions.Regex.Count(svg, l)).ToList();
        Assert.True(counts[0] >= 2 && counts.All(c => c == counts[0]), string.Join(", ", counts));
    }
}
