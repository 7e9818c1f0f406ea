using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The failure side of a convex method's verdict (docs/METHODS.md "Certificates"). In a noiseless instance the
/// truth's weighted matrix Y* = P^{1/2} M Q^{1/2} is feasible, so any feasible Y with ||Y||_* &lt; (1 - margin) ||Y*||_*
/// proves that the truth is not the minimizer: recovery
/// fails, whatever further iterations would return. ADMM's Y iterate is feasible by construction (it is the affine
/// projection), so a check costs one SVD (or EVD). Failure instances are where ADMM converges slowly (the optimum is
/// degenerate), and the check settles them in tens to hundreds of iterations instead of the cap.
/// </summary>
public sealed class TruthRefutation
{
    /// <summary>
    /// The relative margin by which a point must beat the truth: a hundred times the rounding of a d x d SVD and of the
    /// iterate's feasibility (both about 1e-14 relative); it was 1e-9. (The two capped completion trials of
    /// IterationCapTests, p = 0.45, still run to the cap: their feasible iterates never beat the truth by even this.)
    /// </summary>
    public const double Margin = 1e-12;

    private readonly double _truthObjective;
    private readonly int _rows;
    private readonly int _cols;

    private TruthRefutation(double truthObjective, int rows, int cols) => (_truthObjective, _rows, _cols) = (truthObjective, rows, cols);

    /// <summary>The check for a noiseless problem in the variable Y = left.Half X right.Half; null when noisy (the truth is not feasible).</summary>
    public static TruthRefutation? For(IMatrixSensingProblem problem, SpdRoots left, SpdRoots right)
    {
        // PSD programs: the affine iterate Y is almost never PSD, so it proves nothing there; they get no check.
        if (problem.NoiseLevel != 0 || problem.Symmetric) return null;
        var weighted = MatrixProduct.Sandwich(left.Half, problem.Truth, right.Half, problem.D1, problem.D2);
        return new TruthRefutation(NuclearNorm(weighted, problem.D1, problem.D2), problem.D1, problem.D2);
    }

    /// <summary>The reason text when the feasible <paramref name="y"/> beats the truth by the margin, else null.</summary>
    public string? Check(ReadOnlySpan<double> y, int iteration) =>
        NuclearNorm(y, _rows, _cols) is var value && value < (1 - Margin) * _truthObjective
            ? $"stopped at iteration {iteration}: a feasible point has weighted nuclear norm " +
              $"{value / _truthObjective:R} times the truth's, so the truth is not the minimizer (exact recovery fails)."
            : null;

    private static double NuclearNorm(ReadOnlySpan<double> y, int rows, int cols) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, cols, y.ToArray()).Svd(computeVectors: false).S.Sum();
}
