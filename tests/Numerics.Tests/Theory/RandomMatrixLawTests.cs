using Sweeps.Numerics.Theory;

namespace Sweeps.Numerics.Tests.Theory;

/// <summary>
/// The Monte Carlo expectation E sum_i (s_i - tau)_+^2 against the limiting spectral laws,
/// integrated numerically: Marchenko-Pastur for Gaussian matrices, Wigner's semicircle for the
/// symmetric ensemble. At these sizes the finite-size bias is about 1% and the Monte Carlo spread
/// of 40 draws about 1%, hence the 3% tolerance.
/// </summary>
public sealed class RandomMatrixLawTests
{
    [Theory]
    [InlineData(100, 100, 1.0)]
    [InlineData(100, 100, 0.3)]
    [InlineData(70, 140, 0.8)]
    public void Gaussian_singular_values_follow_Marchenko_Pastur(int n1, int n2, double tauOverSqrtN2)
    {
        // x = s^2 / n2 ~ MP(y = n1 / n2): density sqrt((b - x)(x - a)) / (2 pi y x) on [a, b], a, b = (1 -+ sqrt y)^2;
        // in u = s / sqrt(n2) = sqrt(x) the density sqrt((b - u^2)(u^2 - a)) / (pi y u) has no singularity at y = 1.
        var tau = tauOverSqrtN2 * Math.Sqrt(n2);
        var y = (double)n1 / n2;
        double a = (1 - Math.Sqrt(y)) * (1 - Math.Sqrt(y)), b = (1 + Math.Sqrt(y)) * (1 + Math.Sqrt(y));
        var law = n1 * Integrate(Math.Sqrt(a), Math.Sqrt(b), u =>
        {
            var excess = Math.Max(Math.Sqrt(n2) * u - tau, 0);
            return excess * excess * Math.Sqrt(Math.Max((b - u * u) * (u * u - a), 0)) / (Math.PI * y * u);
        });
        var monteCarlo = GaussianSpectra.SingularValues(n1, n2, samples: 40, seed: 3).Pooled.ExpectedExcessSquare(tau);
        Assert.InRange(monteCarlo / law, 0.97, 1.03);
    }

    [Fact]
    public void Symmetric_Gaussian_eigenvalues_follow_the_semicircle()
    {
        // Off-diagonal variance 1/2: lambda / sqrt(n / 2) ~ semicircle sqrt(4 - x^2) / (2 pi) on [-2, 2].
        const int n = 120;
        var scale = Math.Sqrt(n / 2.0);
        var tau = 0.5 * scale;
        var law = n * Integrate(-2, 2, x =>
        {
            var excess = Math.Max(scale * x - tau, 0);
            return excess * excess * Math.Sqrt(4 - x * x) / (2 * Math.PI);
        });
        var monteCarlo = GaussianSpectra.SymmetricEigenvalues(n, samples: 40, seed: 3).Pooled.ExpectedExcessSquare(tau);
        Assert.InRange(monteCarlo / law, 0.97, 1.03);
    }

    /// <summary>Composite midpoint rule; the integrands are continuous, with square-root edges.</summary>
    private static double Integrate(double from, double to, Func<double, double> f)
    {
        const int steps = 200_000;
        var h = (to - from) / steps;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
            sum += f(from + (i + 0.5) * h);
        return sum * h;
    }
}
