using Sweeps.Client.Specs;
using Sweeps.Numerics.Theory;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Plots;

/// <summary>
/// The theory curves a phase diagram shows (docs/SCIENCE.md section 5): when one plotted axis is m and
/// the other a size (d, d1, d2 or r) of a Gaussian sensing problem, the statistical-dimension
/// threshold m*(size) (and, for symmetric sensing, the PSD feasibility threshold); for deep factorization against
/// depth, the nuclear-norm threshold of its d1 x d2 product, the same at every depth (the flattest factorization of
/// every depth minimizes the nuclear norm of the product). Drawn only when every other size is fixed and the sweep is
/// noiseless (no noise or noise_relative above 0, fixed or on an axis): the thresholds are for exact recovery from
/// noiseless measurements, so a curve drawn over noisy cells would claim what the theory does not.
/// </summary>
public static class TheoryOverlays
{
    private static readonly string[] Sizes = [ParameterNames.D, ParameterNames.D1, ParameterNames.D2, ParameterNames.R];

    public static IReadOnlyList<OverlayCurve> For(LoadedSpec spec, PlotRequest plot)
    {
        var mOnY = plot.Y == ParameterNames.M;
        if (!mOnY && plot.X != ParameterNames.M) return [];
        var sizeAxisName = mOnY ? plot.X : plot.Y;
        if (spec.Axes.Any(a => a.Name != sizeAxisName && a.Name != ParameterNames.M && Sizes.Contains(a.Name))) return [];
        if (Noisy(spec)) return [];
        if (spec.Definition.Problem == LineThreshold.DeepFactorization && sizeAxisName == ParameterNames.Depth)
            return DepthCurve(spec, mOnY);
        if (!Sizes.Contains(sizeAxisName)) return [];
        var sizeAxis = spec.Axes.Single(a => a.Name == sizeAxisName);

        return ThresholdCurve.For(spec.Definition.Problem, sizeAxisName, sizeAxis.Values, spec.Fixed)
            .Select(c => new OverlayCurve(c.Label, c.Points.Select(p => mOnY ? (p.X, p.M) : (p.M, p.X)).ToList()))
            .ToList();
    }

    private static bool Noisy(LoadedSpec spec) =>
        new[] { ParameterNames.Noise, ParameterNames.NoiseRelative }.Any(name =>
            (spec.Fixed.TryGetValue(name, out var value) && value > 0) || spec.Axes.Any(a => a.Name == name && a.Values.Any(v => v > 0)));

    /// <summary>deep-factorization over depth: the general-sensing statistical dimension of the fixed d1 x d2, rank r product, at every depth.</summary>
    private static IReadOnlyList<OverlayCurve> DepthCurve(LoadedSpec spec, bool mOnY)
    {
        var depths = spec.Axes.Single(a => a.Name == ParameterNames.Depth).Values;
        var threshold = LineThreshold.For(ThresholdCurve.GeneralSensing, Numerics.Methods.ConvexMethod.FlatConvex.Name, spec.Fixed);
        if (threshold is not { } m) return [];
        return [new OverlayCurve(ThresholdCurve.NuclearNormLabel, [.. depths.Select(depth => mOnY ? (depth, m) : (m, depth))])];
    }
}
