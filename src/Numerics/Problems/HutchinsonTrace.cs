namespace Sweeps.Numerics.Problems;

/// <summary>
/// Hutchinson's estimator of tr Hess f(theta) (docs/SCIENCE.md 4): the mean over Rademacher probes z
/// of z^T H z, each Hessian-vector product taken by central differences of gradients,
/// z^T H z ~ z^T (g(theta + h z) - g(theta - h z)) / (2h). Unbiased up to the O(h^2) difference
/// error; its variance per probe is 2 (||H||_F^2 - sum_j H_jj^2). Needs only gradients, so it
/// checks any family's exact trace formula independently.
/// </summary>
public static class HutchinsonTrace
{
    /// <summary>
    /// The mean of <paramref name="probes"/> probe values; probe j is drawn from
    /// seed.Stream(Probes, j), so an estimate with more probes extends one with fewer.
    /// </summary>
    public static double Estimate(IFactorizedProblem problem, ReadOnlySpan<double> theta, TrialSeed seed, int probes, double step = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var n = problem.ParameterCount;
        var probe = new double[n];
        var shifted = new double[n];
        var plus = new double[n];
        var minus = new double[n];
        var sum = 0.0;
        for (var j = 0; j < probes; j++)
        {
            var stream = seed.Stream(StreamPurpose.Probes, j);
            for (var i = 0; i < n; i++) probe[i] = stream.NextSign();
            theta.CopyTo(shifted);
            Kernels.Axpy(step, probe, shifted);
            problem.LossAndGradient(shifted, plus);
            theta.CopyTo(shifted);
            Kernels.Axpy(-step, probe, shifted);
            problem.LossAndGradient(shifted, minus);
            sum += (Kernels.Dot(probe, plus) - Kernels.Dot(probe, minus)) / (2 * step);
        }
        return sum / probes;
    }
}
