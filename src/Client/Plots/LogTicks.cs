using System.Globalization;

namespace Sweeps.Client.Plots;

/// <summary>Tick marks for an axis that shows log10 of its values, labelled in the original units.</summary>
internal static class LogTicks
{
    /// <summary>Ticks at whole powers of ten of a log10 range, labelled 1e-6, 1e-5, ... (every other one beyond 12 decades); the range's ends when it spans less than a decade.</summary>
    public static ScottPlot.TickGenerators.NumericManual For(ScottPlot.Range range)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var exponents = Enumerable.Range(0, (int)Math.Max(0, Math.Floor(range.Max) - Math.Ceiling(range.Min) + 1)).Select(i => Math.Ceiling(range.Min) + i).ToList();
        if (exponents.Count < 2)
            exponents = [range.Min, range.Max];
        var every = exponents.Count > 12 ? 2 : 1;
        for (var i = 0; i < exponents.Count; i += every)
        {
            var e = exponents[i];
            ticks.AddMajor(e, e == Math.Floor(e) ? "1e" + e.ToString(CultureInfo.InvariantCulture) : Math.Pow(10, e).ToString("0.0#e0", CultureInfo.InvariantCulture));
        }
        return ticks;
    }
}
