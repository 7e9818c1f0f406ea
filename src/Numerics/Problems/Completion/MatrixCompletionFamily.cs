namespace Sweeps.Numerics.Problems.Completion;

/// <summary>
/// matrix-completion (docs/SCIENCE.md 2.4): truth M = Z1 Z2^T / ||Z1 Z2^T||_F as in general-sensing;
/// each entry, in row-major order, is observed when a uniform draw of the Measurements stream is
/// below p; b = M on Omega + sigma xi from the Noise stream. The instance is a
/// <see cref="GeneralSensingProblem"/> with the map <see cref="EntrySampling"/>, so
/// f = (1/|Omega|) ||P_Omega(L R^T) - b||^2, P = diag(n_row) / |Omega|, Q = diag(n_col) / |Omega|.
/// A row or column without an observed entry makes the instance invalid (<see cref="InvalidInstanceException"/>:
/// its factor is not determined).
/// Parameters: d1, d2, r, k, noise as general-sensing; p required with 0 &lt; p &lt;= 1; m, depth, r2, k2, sparsity rejected.
/// </summary>
public sealed class MatrixCompletionFamily() : ProblemFamily(FamilyName, [.. SensingValidation.LowRank, ParameterNames.P])
{
    public const string FamilyName = "matrix-completion";

    protected override void Check(List<string> errors, TrialParameters parameters)
    {
        SensingValidation.CheckShape(errors, parameters, FamilyName, symmetric: false);
        if (parameters.P is not { } p)
        {
            errors.Add($"p: missing; {FamilyName} needs the observation probability p, 0 < p <= 1.");
            return;
        }
        if (!(p > 0 && p <= 1))
            errors.Add($"p: {p} is not allowed; it must satisfy 0 < p <= 1.");
        else if (parameters.D1 >= 1 && parameters.D2 >= 1)
        {
            var n = (double)parameters.D1 * parameters.D2;
            var bytes = p * n * n * sizeof(double);
            if (bytes > SensingValidation.MaxOperatorBytes)
                errors.Add($"p: {p} is not allowed with d1 = {parameters.D1}, d2 = {parameters.D2}: the convex methods' projector " +
                    $"(|Omega| x d1 d2) would take about {bytes / (1L << 30):F1} GiB, more than the 2 GiB allowed; lower p or the dimensions.");
        }
    }

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed) =>
        GeneralSensingFamily.SampleLowRank(FamilyName, parameters, seed, (ref RandomStream stream) =>
        {
            var map = SampleMask(parameters.D1, parameters.D2, parameters.P!.Value, ref stream);
            var (p, q) = map.Moments();
            return (map, p, q);
        });

    /// <summary>Omega: entry e (row-major) observed when the e-th uniform of the stream is below p.</summary>
    private static EntrySampling SampleMask(int d1, int d2, double p, ref RandomStream stream)
    {
        var entries = new List<int>();
        for (var e = 0; e < d1 * d2; e++)
            if (stream.NextDouble() < p)
                entries.Add(e);
        if (entries.Count == 0)
            throw new InvalidInstanceException($"no entry was observed (p = {p}, {d1} x {d2}).");
        var mask = new EntrySampling(d1, d2, [.. entries]);
        RequireObserved(mask.RowCounts(), "row", p);
        RequireObserved(mask.ColumnCounts(), "column", p);
        return mask;
    }

    private static void RequireObserved(int[] counts, string what, double p)
    {
        var empty = Array.IndexOf(counts, 0);
        if (empty >= 0)
            throw new InvalidInstanceException($"{what} {empty} (counting from 0) has no observed entry (p = {p}); its factor is not determined.");
    }
}
