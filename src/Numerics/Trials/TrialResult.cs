namespace Sweeps.Numerics.Trials;

/// <summary>
/// What a trial reports (docs/SCIENCE.md section 4), one field per trials.csv column after the inputs.
/// NaN marks a value that does not apply or could not be computed (written as an empty cell).
/// <see cref="Extras"/> holds family-specific columns (norm_gap, hutchinson_trace, ...), sorted by name.
/// </summary>
public sealed record TrialResult
{
    public required TrialStatus Status { get; init; }
    public string? Reason { get; init; }
    public required double RelError { get; init; }
    public required bool Success { get; init; }
    public required double Loss { get; init; }
    public required double HessianTrace { get; init; }
    public required double FlatTraceAtTruth { get; init; }
    public required double BalanceGap { get; init; }
    public required int Rank { get; init; }
    public required int Iterations { get; init; }
    public required double Seconds { get; init; }
    public IReadOnlyList<KeyValuePair<string, double>> Extras { get; init; } = [];

    /// <summary>The convex method's measured relative duality gap (docs/METHODS.md "Certificates"); NaN for other methods.</summary>
    public double DualityGap { get; init; } = double.NaN;

    /// <summary>Whether the optimality conditions hold to the certificate's tolerance (<see cref="Methods.Certificate"/>); null for nonconvex methods.</summary>
    public bool? Certified { get; init; }

    /// <summary>Same numbers, wall time aside: the determinism contract.</summary>
    public bool SameNumbersAs(TrialResult other) =>
        Status == other.Status && Reason == other.Reason && Success == other.Success &&
        Same(RelError, other.RelError) && Same(Loss, other.Loss) && Same(HessianTrace, other.HessianTrace) &&
        Same(FlatTraceAtTruth, other.FlatTraceAtTruth) && Same(BalanceGap, other.BalanceGap) &&
        Rank == other.Rank && Iterations == other.Iterations &&
        Same(DualityGap, other.DualityGap) && Certified == other.Certified &&
        Extras.Count == other.Extras.Count &&
        Extras.Zip(other.Extras).All(p => p.First.Key == p.Second.Key && Same(p.First.Value, p.Second.Value));

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
