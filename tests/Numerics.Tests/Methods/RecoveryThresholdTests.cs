using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Theory;

namespace Sweeps.Numerics.Tests.Methods;

/// <summary>
/// Flat minimizers recover the truth above the statistical dimension and fail well below it
/// (d = 20, r = 2, k = 20, tolerance 1e-3, 10 trials), for both Gaussian families and both ways
/// of finding the flattest minimizer. The thresholds come from the theory module, not constants:
/// symmetric (PSD + trace) about 65, general (nuclear norm) about 141.
/// </summary>
public sealed class RecoveryThresholdTests
{
    private const string Symmetric = "symmetric-sensing", General = "general-sensing";

    [Theory]
    [InlineData(Symmetric, "flat-convex", 100, 40)]
    [InlineData(Symmetric, "flat-penalty", 100, 40)]
    [InlineData(General, "flat-convex", 200, 80)]
    [InlineData(General, "flat-penalty", 200, 80)]
    public void Flat_methods_recover_above_the_threshold_and_fail_well_below(string problem, string method, int above, int below)
    {
        var threshold = problem == Symmetric
            ? StatisticalDimension.Default.SymmetricPsd(SensingTrials.D, 2)
            : StatisticalDimension.Default.General(SensingTrials.D, SensingTrials.D, 2);
        Assert.True(above > threshold * 1.3 && below < threshold * 0.65, $"test grid must bracket the threshold {threshold:F1}");

        var high = SensingTrials.Run(method, above, 10, problem: problem);
        var low = SensingTrials.Run(method, below, 10, problem: problem);
        Assert.True(high.Count(r => r.Success) >= 9, $"{method} at m = {above}: errors {string.Join(", ", high.Select(r => r.RelError.ToString("G3")))}");
        Assert.True(low.Count(r => r.Success) <= 2, $"{method} at m = {below}: errors {string.Join(", ", low.Select(r => r.RelError.ToString("G3")))}");
    }

    [Theory]
    [InlineData(Symmetric, 40)]
    [InlineData(Symmetric, 100)]
    [InlineData(General, 80)]
    [InlineData(General, 200)]
    public void Flat_convex_interpolates_at_a_point_no_sharper_than_random_init(string problem, int m)
    {
        var flat = SensingTrials.Run(ConvexMethod.FlatConvex.Name, m, 5, problem: problem);
        var random = SensingTrials.Run(RandomInitLbfgsMethod.MethodName, m, 5, problem: problem);
        Assert.All(flat.Zip(random), pair =>
        {
            var (f, g) = pair;
            // Both reach the zero-loss set (loss relative to ||b||^2/m ~ 1 for a unit-norm truth) on the same instance.
            Assert.True(f.Loss < 1e-10 && g.Loss < 1e-10, $"losses {f.Loss}, {g.Loss}");
            Assert.Equal(f.FlatTraceAtTruth, g.FlatTraceAtTruth);
            Assert.True(f.HessianTrace <= g.HessianTrace * (1 + 1e-9), $"flat-convex trace {f.HessianTrace} vs random-init {g.HessianTrace}");
        });
    }
}
