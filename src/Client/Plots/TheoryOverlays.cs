using Sweeps.Client.Specs;
using Sweeps.Numerics.Theory;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Plots;

/// <summary>
/// The theory curves a phase diagram shows (docs/SCIENCE.md section 5): when one plotted axis is m and
/// the other a size (d, d1, d2 or r) of a Gaussian sensing problem, the statistical-dimension
/// threshold m*(size) (and, for symmetric sensing, the PSD feasibility threshold). Drawn only when
/// every other size is fixed, so that the curve means one thing for the whole panel.
/// </summary>
public static class TheoryOverlays
{
    private static readonly string[] Sizes = [ParameterNames.D, ParameterNames.D1, ParameterNames.D2, ParameterNames.R];

    public static IReadOnlyList<OverlayCurve> For(LoadedSpec spec, PlotRequest plot)
    {
        var mOnY = plot.Y == ParameterNames.M;
        if (!mOnY && plot.X != ParameterNames.M) return [];
        var sizeAxisName = mOnY ? plot.X : plot.Y;
        if (!Sizes.Contains(sizeAxisName)) return [];
        if (spec.Axes.Any(a => a.Name != sizeAxisName && a.Name != ParameterNames.M && Sizes.Contains(a.Name))) return [];
        if (spec.Fixed.TryGetValue(ParameterNames.Noise, out var noise) && noise > 0) return [];
        var sizeAxis = spec.Axes.Single(a => a.Name == sizeAxisName);

        return ThresholdCurve.For(spec.Definition.Problem, sizeAxisName, sizeAxis.Values, spec.Fixed)
            .Select(c => new OverlayCurve(c.Label, c.Points.Select(p => mOnY ? (p.X, p.M) : (p.M, p.X)).ToList()))
            .ToList();
    }
}
