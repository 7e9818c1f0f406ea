using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The measured duality gap of  minimize ||Y||_*  s.t.  W Y = c  (or  trace(Y), Y PSD), W the
/// orthonormalized rows of the constraint (<see cref="IAffineConstraint"/>), at the solver's Z and multiplier G (a
/// subgradient of the objective at Z, <see cref="AdmmOutcome.Multiplier"/>).
/// Dual: maximize c^T mu s.t. ||W^T mu||_op &lt;= 1 (PSD: lambda_max(W^T mu) &lt;= 1, i.e. I - W^T mu PSD).
/// mu = W G (G's component in the range of the adjoint), scaled by t = max(1, ||W^T mu||_op) (PSD:
/// max(1, lambda_max)) into the dual-feasible set; the dual value is c^T mu / t.
/// Primal value ||Z||_* = trace Z = sum of Z's singular values (Z is PSD by construction in the PSD
/// case), primal residual ||W Z - c|| / ||c|| (the distance to the affine set over the least-norm
/// interpolant's norm). Weak duality: ||Y||_* &gt;= &lt;W^T mu, Y&gt; = c^T mu at every feasible Y.
/// </summary>
internal static class TraceNormCertificate
{
    public static Certificate Check(IAffineConstraint constraint, LowRankMatrix z, ReadOnlySpan<double> multiplier, bool psd)
    {
        int rows = z.Rows, cols = z.Cols, q = constraint.Rank;
        var dense = new double[rows * cols];
        z.WriteDense(dense);
        var coordinates = new double[q];
        constraint.Coordinates(dense, coordinates);
        var data = constraint.OrthonormalData;
        var dataNorm = Math.Max(Kernels.Norm(data), double.Epsilon);
        var residual = Kernels.Distance(coordinates, data) / dataNorm;

        constraint.Coordinates(multiplier, coordinates);
        var adjoint = new double[rows * cols];
        constraint.Synthesize(coordinates, adjoint);
        var matrix = Matrix<double>.Build.DenseOfRowMajor(rows, cols, adjoint);
        var bound = psd
            ? (0.5 * (matrix + matrix.Transpose())).Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real)
            : matrix.L2Norm();
        var dual = Kernels.Dot(data, coordinates) / Math.Max(1, bound);
        return Certificate.Of(z.Values.Sum(), dual, residual, Certificate.FirstOrderTolerance);
    }
}
