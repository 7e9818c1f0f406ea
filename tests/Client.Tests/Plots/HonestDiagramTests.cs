using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Plots;

/// <summary>Diagrams that never mislead (issue #13 section 3): each case rendered, and the numbers and labels it is drawn from checked.</summary>
public sealed class HonestDiagramTests : IDisposable
{
    private static readonly string[] ScatterMethods = ["nuclear", "flat-convex", "sam"];

    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-honest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(560)]
    [InlineData(1120)]
    public void A_long_title_is_shrunk_to_fit_and_a_short_one_keeps_its_size(int width)
    {
        const string Long = "symmetric-sensing (fixed: d=20, k=20, noise_relative=0.01; pooled over depth (2 values): 40 trials per cell)";
        using (var font = PhaseDiagram.TitleFont(Long, width))
        {
            Assert.True(font.MeasureText(Long) <= width - 16, $"{font.MeasureText(Long)} px at {font.Size} px in {width}");
            Assert.True(font.Size < 20);
        }
        using (var font = PhaseDiagram.TitleFont("general-sensing", width))
            Assert.Equal(20, font.Size);
        var files = PhaseDiagram.Render(_folder, new PlotRequest("m", "d", null), PhaseDiagramTests.Synthetic(), Long);
        Assert.Contains(Long.Replace("&", "&amp;", StringComparison.Ordinal), File.ReadAllText(files[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Scatter_methods_differ_in_shape_and_are_opaque()
    {
        var rows = ScatterMethods.SelectMany(method => Enumerable.Range(1, 4).Select(t =>
            (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["method"] = method, ["rel_error"] = "0.01", ["hessian_trace"] = (10 * t).ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToList();
        var plot = ScatterPlot.Build(new ScatterRequest("hessian_trace", "rel_error"), rows, "overlap");
        var scatters = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(3, scatters.Count);
        // The three methods' points coincide exactly: only distinct shapes and colours, drawn opaque, keep them apart.
        Assert.Equal(3, scatters.Select(s => s.MarkerShape).Distinct().Count());
        Assert.Equal(3, scatters.Select(s => s.MarkerStyle.LineColor).Distinct().Count());
        Assert.All(scatters, s => Assert.Equal(255, s.MarkerStyle.LineColor.Alpha));
        Assert.Equal(["nuclear (4)", "flat-convex (4)", "sam (4)"], scatters.Select(s => s.LegendText));
    }
}
