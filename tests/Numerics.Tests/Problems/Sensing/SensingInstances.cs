using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>Sampled sensing instances and the finite-difference references the tests compare with.</summary>
internal static class SensingInstances
{
    public static TrialParameters Parameters(string family, int d1, int d2, int r, int k, int? m, double noise = 0, ulong seed = 1) => new()
    {
        Problem = family,
        Method = "none",
        D1 = d1,
        D2 = d2,
        R = r,
        K = k,
        M = m,
        Noise = noise,
        Seed = seed,
    };

    public static GeneralSensingProblem General(int d1, int d2, int r, int k, int m, ulong seed = 1, double noise = 0) =>
        (GeneralSensingProblem)new GeneralSensingFamily().Sample(
            Parameters(GeneralSensingFamily.FamilyName, d1, d2, r, k, m, noise, seed), new TrialSeed(seed));

    public static SymmetricSensingProblem Symmetric(int d, int r, int k, int m, ulong seed = 1, double noise = 0) =>
        (SymmetricSensingProblem)new SymmetricSensingFamily().Sample(
            Parameters(SymmetricSensingFamily.FamilyName, d, d, r, k, m, noise, seed), new TrialSeed(seed));

    /// <summary>A random point of model norm about 1 (not a zero-loss point).</summary>
    public static double[] RandomPoint(IFactorizedProblem problem, ulong seed)
    {
        var theta = new double[problem.ParameterCount];
        var stream = new TrialSeed(seed).Stream(StreamPurpose.Init);
        problem.Initialize(ref stream, 1.0, theta);
        return theta;
    }

    /// <summary>The mean of ||model||^2 over <paramref name="draws"/> initializations of scale <paramref name="scale"/> (Init stream of seed 9).</summary>
    public static double MeanSquaredModelNorm(IFactorizedProblem problem, int modelLength, Action<double[], double[]> product, double scale, int draws)
    {
        var theta = new double[problem.ParameterCount];
        var model = new double[modelLength];
        var stream = new TrialSeed(9).Stream(StreamPurpose.Init);
        var mean = 0.0;
        for (var t = 0; t < draws; t++)
        {
            problem.Initialize(ref stream, scale, theta);
            product(theta, model);
            mean += Sweeps.Numerics.LinearAlgebra.Kernels.SumOfSquares(model) / draws;
        }
        return mean;
    }

    public static double[] Gradient(IFactorizedProblem problem, double[] theta)
    {
        var gradient = new double[theta.Length];
        problem.LossAndGradient(theta, gradient);
        return gradient;
    }

    /// <summary>Central differences of the loss: (f(theta + h e_j) - f(theta - h e_j)) / 2h.</summary>
    public static double[] FiniteDifferenceGradient(IFactorizedProblem problem, double[] theta, double h = 1e-6)
    {
        var result = new double[theta.Length];
        var shifted = (double[])theta.Clone();
        for (var j = 0; j < theta.Length; j++)
        {
            shifted[j] = theta[j] + h;
            var plus = problem.Loss(shifted);
            shifted[j] = theta[j] - h;
            var minus = problem.Loss(shifted);
            shifted[j] = theta[j];
            result[j] = (plus - minus) / (2 * h);
        }
        return result;
    }

    /// <summary>Central differences of the flat penalty's value (AddFlatPenalty with scale 0).</summary>
    public static double[] FiniteDifferencePenaltyGradient(IFactorizedProblem problem, double[] theta, double h = 1e-6)
    {
        var result = new double[theta.Length];
        var shifted = (double[])theta.Clone();
        var scratch = new double[theta.Length];
        for (var j = 0; j < theta.Length; j++)
        {
            shifted[j] = theta[j] + h;
            var plus = problem.AddFlatPenalty(shifted, 0.0, scratch);
            shifted[j] = theta[j] - h;
            var minus = problem.AddFlatPenalty(shifted, 0.0, scratch);
            shifted[j] = theta[j];
            result[j] = (plus - minus) / (2 * h);
        }
        return result;
    }

    /// <summary>Dense Hessian by central differences of gradients, symmetrized: H[j, :] = (g(theta + h e_j) - g(theta - h e_j)) / 2h.</summary>
    public static double[,] FiniteDifferenceHessian(IFactorizedProblem problem, double[] theta, double h = 1e-5)
    {
        var n = theta.Length;
        var hessian = new double[n, n];
        var shifted = (double[])theta.Clone();
        for (var j = 0; j < n; j++)
        {
            shifted[j] = theta[j] + h;
            var plus = Gradient(problem, shifted);
            shifted[j] = theta[j] - h;
            var minus = Gradient(problem, shifted);
            shifted[j] = theta[j];
            for (var i = 0; i < n; i++) hessian[j, i] = (plus[i] - minus[i]) / (2 * h);
        }
        for (var j = 0; j < n; j++)
            for (var i = 0; i < j; i++)
                hessian[i, j] = hessian[j, i] = 0.5 * (hessian[i, j] + hessian[j, i]);
        return hessian;
    }

    public static double Trace(double[,] matrix)
    {
        var sum = 0.0;
        for (var j = 0; j < matrix.GetLength(0); j++) sum += matrix[j, j];
        return sum;
    }

    public static double RelativeDifference(double[] a, double[] b)
    {
        double diff = 0, norm = 0;
        for (var i = 0; i < a.Length; i++)
        {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.Sqrt(diff / norm);
    }

    public static double RelativeDifference(double a, double b) => Math.Abs(a - b) / Math.Abs(b);
}
