using System.Globalization;

namespace Sweeps.Client.Plots;

/// <summary>Tick marks for an axis that shows log10 of its values, labelled in the original units.</summary>
internal static class LogTicks
{
    private static readonly int[] Mantissas = [1, 2, 5];

    /// <summary>
    /// Ticks at whole powers of ten of a log10 range, labelled 1e-6, 1e-5, ... (every other one beyond 12 decades);
    /// when fewer than two fall inside, at 1, 2 and 5 times powers of ten (2e-1, 5e-1, 1e0, ...); failing that, at the range's ends.
    /// </summary>
    public static ScottPlot.TickGenerators.NumericManual For(ScottPlot.Range range)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var exponents = Enumerable.Range(0, (int)Math.Max(0, Math.Floor(range.Max) - Math.Ceiling(range.Min) + 1)).Select(i => Math.Ceiling(range.Min) + i).ToList();
        if (exponents.Count < 2)
        {
            var steps = Enumerable.Range((int)Math.Floor(range.Min) - 1, (int)Math.Ceiling(range.Max) - (int)Math.Floor(range.Min) + 2)
                .SelectMany(k => Mantissas.Select(m => (Log: k + Math.Log10(m), Label: $"{m}e{k.ToString(CultureInfo.InvariantCulture)}")))
                .Where(t => t.Log >= range.Min - 1e-12 && t.Log <= range.Max + 1e-12).ToList();
            if (steps.Count >= 2)
            {
                foreach (var (log, label) in steps)
                    ticks.AddMajor(log, label);
                return ticks;
            }
            exponents = [range.Min, range.Max];
        }
        var every = exponents.Count > 12 ? 2 : 1;
        for (var i = 0; i < exponents.Count; i += every)
        {
            var e = exponents[i];
            ticks.AddMajor(e, e == Math.Floor(e) ? "1e" + e.ToString(CultureInfo.InvariantCulture) : Math.Pow(10, e).ToString("0.0#e0", CultureInfo.InvariantCulture));
        }
        return ticks;
    }
}
