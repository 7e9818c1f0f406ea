using Sweeps.Numerics.Optimization;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.Optimization;

/// <summary>Objectives with known minimizers for the optimizer tests.</summary>
internal static class TestObjectives
{
    /// <summary>
    /// F(x) = 1/2 (x - x*)^T H (x - x*) with H = B^T B / n + 0.1 I (SPD, B Gaussian) and a random x*;
    /// returns H (row-major) and x* so that a test can compare with the closed-form minimizer.
    /// </summary>
    public static (Objective Objective, double[] Hessian, double[] Minimizer) Quadratic(int n, ulong seed)
    {
        var stream = new TrialSeed(seed).Stream(StreamPurpose.Measurements);
        var b = new double[n * n];
        stream.FillNormal(b);
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var l = 0; l < n; l++) s += b[l * n + i] * b[l * n + j];
                h[i * n + j] = s / n + (i == j ? 0.1 : 0.0);
            }
        var minimizer = new double[n];
        stream.FillNormal(minimizer);
        var diff = new double[n];
        double Value(ReadOnlySpan<double> x, Span<double> gradient)
        {
            for (var i = 0; i < n; i++) diff[i] = x[i] - minimizer[i];
            var f = 0.0;
            for (var i = 0; i < n; i++)
            {
                var hi = 0.0;
                for (var j = 0; j < n; j++) hi += h[i * n + j] * diff[j];
                gradient[i] = hi;
                f += 0.5 * diff[i] * hi;
            }
            return f;
        }
        return (Value, h, minimizer);
    }

    /// <summary>The largest eigenvalue of a symmetric matrix by power iteration.</summary>
    public static double LargestEigenvalue(double[] h, int n)
    {
        var v = Enumerable.Repeat(1.0, n).ToArray();
        var w = new double[n];
        var lambda = 0.0;
        for (var it = 0; it < 2000; it++)
        {
            for (var i = 0; i < n; i++)
            {
                w[i] = 0;
                for (var j = 0; j < n; j++) w[i] += h[i * n + j] * v[j];
            }
            lambda = Math.Sqrt(w.Sum(x => x * x));
            for (var i = 0; i < n; i++) v[i] = w[i] / lambda;
        }
        return lambda;
    }

    /// <summary>Extended Rosenbrock sum_i 100 (x_{2i+1} - x_{2i}^2)^2 + (1 - x_{2i})^2; minimizer all ones.</summary>
    public static double Rosenbrock(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var f = 0.0;
        for (var i = 0; i < x.Length; i += 2)
        {
            var a = x[i + 1] - x[i] * x[i];
            var c = 1 - x[i];
            f += 100 * a * a + c * c;
            gradient[i] = -400 * a * x[i] - 2 * c;
            gradient[i + 1] = 200 * a;
        }
        return f;
    }
}
