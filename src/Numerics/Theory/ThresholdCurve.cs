namespace Sweeps.Numerics.Theory;

/// <summary>
/// A theory curve for a phase diagram: the number of Gaussian measurements m* at which recovery
/// succeeds with probability about 1/2, as a function of one axis variable (docs/SCIENCE.md section 5).
/// </summary>
public sealed record ThresholdCurve(string Label, string Axis, IReadOnlyList<ThresholdPoint> Points)
{
    public const string GeneralSensing = "general-sensing", SymmetricSensing = "symmetric-sensing";

    public const string NuclearNormLabel = "statistical dimension (nuclear norm)",
        TracePsdLabel = "statistical dimension (trace + PSD)",
        PsdFeasibilityLabel = "PSD feasibility";

    /// <summary>
    /// The curves of <paramref name="problem"/> over <paramref name="axis"/> (one of d, d1, d2, r) at the
    /// given values, the other sizes taken from <paramref name="fixedValues"/> (spec names: d, d1, d2, r).
    /// general-sensing gives the nuclear-norm threshold; symmetric-sensing gives the trace-minimization
    /// threshold and the PSD feasibility threshold, in that order. Problems or axes without a
    /// Gaussian theory give no curves. Missing or invalid sizes throw <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<ThresholdCurve> For(
        string problem, string axis, IEnumerable<double> axisValues, IReadOnlyDictionary<string, double> fixedValues,
        StatisticalDimension? dimension = null)
    {
        dimension ??= StatisticalDimension.Default;
        var values = axisValues.ToArray();
        switch (problem)
        {
            case GeneralSensing when axis is ParameterNames.D or ParameterNames.D1 or ParameterNames.D2 or ParameterNames.R:
                return [Curve(NuclearNormLabel, axis, values, fixedValues, square: false, (d1, d2, r) => dimension.General(d1, d2, r))];
            case SymmetricSensing when axis is ParameterNames.D or ParameterNames.R:
                return
                [
                    Curve(TracePsdLabel, axis, values, fixedValues, square: true, (d, _, r) => dimension.SymmetricPsd(d, r)),
                    Curve(PsdFeasibilityLabel, axis, values, fixedValues, square: true, (d, _, r) => StatisticalDimension.PsdFeasibility(d, r)),
                ];
            default:
                return [];
        }
    }

    private static ThresholdCurve Curve(
        string label, string axis, double[] values, IReadOnlyDictionary<string, double> fixedValues, bool square,
        Func<int, int, int, double> threshold)
    {
        var points = new ThresholdPoint[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var sizes = new Dictionary<string, double>(fixedValues) { [axis] = values[i] };
            if (axis == ParameterNames.D)
            {
                sizes.Remove(ParameterNames.D1);
                sizes.Remove(ParameterNames.D2);
            }
            var d = WholeOrNull(sizes, ParameterNames.D);
            var d1 = WholeOrNull(sizes, ParameterNames.D1) ?? d ?? throw new ArgumentException("d: missing; give d (square) or d1 and d2.");
            var d2 = WholeOrNull(sizes, ParameterNames.D2) ?? d ?? d1;
            var r = WholeOrNull(sizes, ParameterNames.R) ?? throw new ArgumentException("r: missing; the rank of the truth is required.");
            if (square && d2 != d1)
                throw new ArgumentException($"d1, d2: {d1} and {d2}; the symmetric problem needs d1 = d2.");
            try
            {
                points[i] = new ThresholdPoint(values[i], threshold(d1, d2, r));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentException($"{axis} = {values[i]}: {e.Message}", e);
            }
        }
        return new ThresholdCurve(label, axis, points);
    }

    private static int? WholeOrNull(Dictionary<string, double> sizes, string name)
    {
        if (!sizes.TryGetValue(name, out var value)) return null;
        if (value != Math.Floor(value) || value < 0 || value > int.MaxValue)
            throw new ArgumentException($"{name}: {value} is not allowed; it must be a non-negative whole number.");
        return (int)value;
    }
}
