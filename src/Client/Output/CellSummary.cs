using System.Collections.Immutable;

namespace Sweeps.Client.Output;

/// <summary>
/// One row of cells.csv: a cell and method, its parameters by column name (d expanded into d1
/// and d2), the success count with its Wilson 95% interval, and medians over the trials whose
/// value is finite (NaN when none is).
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
    double MedianSeconds);
