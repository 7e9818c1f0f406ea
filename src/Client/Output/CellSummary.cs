using System.Collections.Immutable;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Output;

/// <summary>
/// One row of cells.csv: a cell and method, its parameters by column name (d expanded into d1
/// and d2), the success count with its Wilson 95% interval, and medians over the trials whose
/// value is finite (NaN when none is), and the trials per status (<see cref="CellTable.StatusColumns"/> order;
/// empty when read from a cells.csv written before those columns existed).
/// </summary>
public sealed record CellSummary(
    int Cell,
    string Method,
    ImmutableSortedDictionary<string, double> Parameters,
    int Trials,
    int Successes,
    double SuccessRate,
    double CiLow,
    double CiHigh,
    double MedianError,
    double MedianHessianTrace,
    double MedianSeconds,
    ImmutableArray<int> StatusCounts = default)
{
    /// <summary>
    /// The cell's noise level sigma as the success criterion reads it: <c>noise_relative</c> when
    /// the cell sets it above 0, else <c>noise</c>; NaN for a noiseless cell.
    /// </summary>
    public double NoiseLevel =>
        Parameters.TryGetValue(ParameterNames.NoiseRelative, out var s) && s > 0 ? s
        : Parameters.TryGetValue(ParameterNames.Noise, out var n) && n > 0 ? n
        : double.NaN;

    /// <summary>median_error / sigma (sigma is one value per cell, so this is the median of error / sigma); NaN when noiseless.</summary>
    public double MedianErrorOverNoise => MedianError / NoiseLevel;
}
