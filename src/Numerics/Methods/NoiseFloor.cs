namespace Sweeps.Numerics.Methods;

/// <summary>
/// The last weight of flat-penalty on a noisy matrix-sensing problem (docs/SCIENCE.md 2.8). With weight
/// lambda the factored problem min f + lambda pen is, over factorizations of X, weighted-nuclear-norm
/// regularized least squares min (1/m) ||A(X) - b||^2 + lambda nu ||X||_*, where nu is the penalty per
/// unit nuclear norm: nu = 4 sqrt(tr P tr Q / (d1 d2)) for X = L R^T (min pen = 4 ||P^{1/2} X Q^{1/2}||_*,
/// AM-GM) and nu = 8 tr(D2) / d for X = U U^T (min pen = 8 trace(D X D)), taking P, Q, D2 as multiples of I.
/// The standard choice for that estimator (Negahban and Wainwright 2011; Candes and Plan 2011) makes the
/// regularizer dominate the noise part of the loss gradient at the truth, lambda nu ~ ||(2 sigma / m) A^*(xi)||_op,
/// which gives an error of order lambda nu sqrt(r) ~ sigma sqrt(r (d1 + d2) / m): linear in sigma.
/// The operator norm is that of one fresh draw xi' ~ N(0, I_m) from the trial's Algorithm stream (it
/// concentrates; for Gaussian maps it is about sqrt(m) (sqrt(d1) + sqrt(d2))), so the rule holds for every
/// map (Gaussian, rank-one, entry sampling) without a family-specific constant.
/// </summary>
internal static class NoiseFloor
{
    /// <summary>lambda_sigma = ||(2 sigma / m) A^*(xi')||_op / nu; 0 for a noiseless problem or one that is not matrix sensing.</summary>
    public static double For(IFactorizedProblem problem, TrialSeed seed)
    {
        if (problem is not IMatrixSensingProblem { NoiseLevel: > 0 } sensing)
            return 0;
        var map = sensing.Measurements;
        var (d1, d2, m) = (sensing.D1, sensing.D2, map.Count);
        var xi = new double[m];
        var stream = seed.Stream(StreamPurpose.Algorithm);
        stream.FillNormal(xi);
        var adjoint = new double[d1 * d2];
        map.AddAdjoint(xi, 2 * sensing.NoiseLevel / m, adjoint);
        var operatorNorm = SensingAnalysis.SingularValues(adjoint, d1, d2)[0];
        var nu = sensing.Symmetric
            ? 8 * Trace(sensing.LeftWeight, d1) / d1
            : 4 * Math.Sqrt(Trace(sensing.LeftWeight, d1) * Trace(sensing.RightWeight, d2) / ((double)d1 * d2));
        return operatorNorm / nu;
    }

    private static double Trace(ReadOnlySpan<double> square, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
            sum += square[i * n + i];
        return sum;
    }
}
