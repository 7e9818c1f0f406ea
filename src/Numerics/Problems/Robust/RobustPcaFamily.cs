namespace Sweeps.Numerics.Problems.Robust;

/// <summary>
/// robust-pca (docs/SCIENCE.md 2.5): Y = M + S (+ sigma xi). M as in general sensing (Truth stream, unit Frobenius
/// norm). S (Measurements stream): the d1 d2 positions are shuffled and taken in that order while the row and the
/// column of a position both hold fewer than <c>sparsity</c> = l entries, so every row and column holds at most l
/// (about l each); each value is a random sign times a magnitude uniform in [1, 2] times the typical entry of M,
/// ||M||_F / sqrt(d1 d2). Noise xi ~ N(0, I) from the Noise stream when sigma = noise &gt; 0.
/// Parameters: d1, d2 (or d), r, k, sparsity (required, 0..min(d1, d2)), noise; m, p, depth, r2, k2 are rejected.
/// </summary>
public sealed class RobustPcaFamily() : ProblemFamily(FamilyName, [.. SensingValidation.LowRank, ParameterNames.Sparsity])
{
    public const string FamilyName = "robust-pca";

    protected override void Check(List<string> errors, TrialParameters parameters)
    {
        SensingValidation.CheckShape(errors, parameters, FamilyName, symmetric: false);
        var limit = Math.Min(parameters.D1, parameters.D2);
        if (parameters.Sparsity is not { } l)
            errors.Add($"sparsity: missing; {FamilyName} needs the number of corruptions per row and column, between 0 and min(d1, d2) = {limit}.");
        else if (l < 0 || l > limit)
            errors.Add($"sparsity: {l} is not allowed; at most that many corruptions go in each row and column, so it must be between 0 and min(d1, d2) = {limit}.");
    }

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed)
    {
        int d1 = parameters.D1, d2 = parameters.D2;
        var truth = GeneralSensingFamily.SampleTruth(d1, d2, parameters.R, seed);
        var corruption = SampleCorruption(d1, d2, parameters.Sparsity!.Value, 1 / Math.Sqrt(d1 * (double)d2), seed);
        var observed = new double[d1 * d2];
        var noise = seed.Stream(StreamPurpose.Noise);
        for (var i = 0; i < observed.Length; i++)
            observed[i] = truth[i] + corruption[i] + (parameters.Noise > 0 ? parameters.Noise * noise.NextNormal() : 0);
        return new RobustPcaProblem(d1, d2, parameters.K, truth, corruption, observed);
    }

    /// <summary>S (d1 x d2): shuffled positions kept while their row and column hold fewer than l entries; values +-U[1, 2] * typical.</summary>
    internal static double[] SampleCorruption(int d1, int d2, int l, double typical, TrialSeed seed)
    {
        var stream = seed.Stream(StreamPurpose.Measurements);
        var positions = Enumerable.Range(0, d1 * d2).ToArray();
        for (var i = positions.Length - 1; i > 0; i--)
        {
            var j = stream.NextInt(i + 1);
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }
        var rows = new int[d1];
        var cols = new int[d2];
        var corruption = new double[d1 * d2];
        foreach (var position in positions)
        {
            int a = position / d2, b = position % d2;
            if (rows[a] >= l || cols[b] >= l) continue;
            rows[a]++;
            cols[b]++;
            corruption[position] = stream.NextSign() * (1 + stream.NextDouble()) * typical;
        }
        return corruption;
    }
}
