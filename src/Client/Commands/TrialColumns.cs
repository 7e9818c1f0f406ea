using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Commands;

/// <summary>
/// A trial as the ordered trials.csv columns (DESIGN.md): inputs, then metrics, then the
/// <see cref="Output.TrialTable.Certificate"/> columns (convex methods), then extras and the reason. Values that do not apply are null (an empty cell, a JSON null).
/// </summary>
public static class TrialColumns
{
    public static IReadOnlyList<(string Name, object? Value)> Of(TrialParameters p, TrialResult r, int cell = 0, int trial = 0)
    {
        var columns = new List<(string, object?)>
        {
            ("cell", cell), ("trial", trial), ("problem", p.Problem), ("method", p.Method),
            ("d1", p.D1), ("d2", p.D2), ("r", p.R), ("k", p.K), ("m", p.M), ("p", p.P),
            ("noise", p.Noise), ("depth", p.Depth), ("seed", p.Seed),
            ("status", r.Status.ToName()), ("rel_error", Finite(r.RelError)), ("success", r.Success),
            ("loss", Finite(r.Loss)), ("hessian_trace", Finite(r.HessianTrace)),
            ("flat_trace_at_truth", Finite(r.FlatTraceAtTruth)), ("balance_gap", Finite(r.BalanceGap)),
            ("rank", r.Rank), ("iterations", r.Iterations), ("seconds", r.Seconds),
        };
        if (r.Certified is not null)
            columns.AddRange([("duality_gap", Finite(r.DualityGap)), ("certified", r.Certified)]);
        columns.AddRange(r.Extras.Select(e => (e.Key, (object?)Finite(e.Value))));
        columns.Add(("reason", r.Reason));
        return columns;
    }

    private static double? Finite(double v) => double.IsNaN(v) ? null : v;
}
