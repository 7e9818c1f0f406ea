using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Problems.Sensing;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>Symmetric sensing's Burer-Monteiro certificate (IConvexLift): saddles found and left, optima left alone.</summary>
public sealed class ConvexLiftTests
{
    private const int D = 8;

    [Fact]
    public void A_factor_of_the_truth_is_certified_and_its_rank_one_part_is_a_saddle_with_a_flat_descent_direction()
    {
        var problem = SensingInstances.Symmetric(D, 2, D, 36, seed: 4);
        var full = TruthFactor(problem, components: 2);
        var direction = new double[problem.ParameterCount];
        Assert.False(problem.TryEscapeDirection(full, 0, 1e-6, direction));

        var collapsed = TruthFactor(problem, components: 1);
        Assert.True(problem.TryEscapeDirection(collapsed, 0, 1e-6, direction));
        Assert.Equal(1, Kernels.Norm(direction), 12);
        // F(t) = F(U + t D): F'(0) = 0 (U q = 0) and F''(0) < 0, by central differences.
        double F(double t)
        {
            var point = (double[])collapsed.Clone();
            Kernels.Axpy(t, direction, point);
            return problem.Loss(point);
        }
        const double h = 1e-3;
        var slope = (F(h) - F(-h)) / (2 * h);
        var curvature = (F(h) - 2 * F(0) + F(-h)) / (h * h);
        Assert.True(curvature < 0, $"curvature {curvature}");
        Assert.True(Math.Abs(slope) < 1e-6 * Math.Abs(curvature), $"slope {slope} against curvature {curvature}");
    }

    [Fact]
    public void Truncation_drops_only_the_small_components_and_keeps_the_model_otherwise()
    {
        var problem = SensingInstances.Symmetric(D, 2, D, 30, seed: 5);
        var theta = TruthFactor(problem, components: 2);
        // A sixth-column component of norm 1e-3 along the truth's null space (orthogonal to its factor's columns).
        var evd = Matrix<double>.Build.DenseOfRowMajor(D, D, problem.Truth.ToArray()).Evd(Symmetricity.Symmetric);
        var small = new double[theta.Length];
        for (var i = 0; i < D; i++) small[i * D + 5] = 1e-3 * evd.EigenVectors[i, 0];
        var perturbed = theta.Zip(small, (a, b) => a + b).ToArray();
        Assert.Equal(2, problem.Truncate(perturbed, 3e-2));
        var model = Gram(perturbed);
        var truth = Gram(theta);
        Assert.True((model - truth).FrobeniusNorm() < 1e-12 * truth.FrobeniusNorm());
        Assert.Equal(2, problem.Truncate(perturbed, 3e-2));
        Assert.True((Gram(perturbed) - truth).FrobeniusNorm() < 1e-12 * truth.FrobeniusNorm());
    }

    /// <summary>U = V sqrt(Lambda) from the truth's top eigenpairs, padded with zero columns to width D.</summary>
    private static double[] TruthFactor(SymmetricSensingProblem problem, int components)
    {
        var evd = Matrix<double>.Build.DenseOfRowMajor(D, D, problem.Truth.ToArray()).Evd(Symmetricity.Symmetric);
        var theta = new double[D * D];
        for (var c = 0; c < components; c++)
        {
            var j = D - 1 - c; // eigenvalues ascending
            var scale = Math.Sqrt(Math.Max(evd.EigenValues[j].Real, 0));
            for (var i = 0; i < D; i++) theta[i * D + c] = scale * evd.EigenVectors[i, j];
        }
        return theta;
    }

    private static Matrix<double> Gram(double[] u)
    {
        var m = Matrix<double>.Build.DenseOfRowMajor(D, D, u);
        return m * m.Transpose();
    }
}
