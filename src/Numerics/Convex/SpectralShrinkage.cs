using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The proximal maps of the nuclear norm and of trace + PSD indicator, with threshold tau:
/// singular-value soft-thresholding  V = U diag(s) W^T  ->  U diag((s - tau)_+) W^T, and for
/// symmetric V = E diag(lambda) E^T the eigenvalue shift-and-clip  E diag((lambda - tau)_+) E^T.
/// Decompositions by MathNet.Numerics (single-threaded, see <see cref="ConvexSensing"/>).
/// </summary>
internal static class SpectralShrinkage
{
    /// <summary>Shrinks V (rows x cols, row-major; symmetrized first when <paramref name="psd"/>).</summary>
    public static LowRankMatrix Shrink(ReadOnlySpan<double> v, int rows, int cols, double tau, bool psd)
    {
        var source = v.ToArray();
        return psd ? ShiftAndClip(source, rows, tau) : SoftThreshold(source, rows, cols, tau);
    }

    private static LowRankMatrix SoftThreshold(double[] v, int rows, int cols, double tau)
    {
        var svd = Matrix<double>.Build.DenseOfRowMajor(rows, cols, v).Svd(computeVectors: true);
        var s = svd.S;
        var rank = 0;
        while (rank < s.Count && s[rank] > tau) rank++;
        var values = new double[rank];
        for (var i = 0; i < rank; i++) values[i] = s[i] - tau;
        var left = svd.U.SubMatrix(0, rows, 0, rank).ToRowMajorArray();
        var right = svd.VT.SubMatrix(0, rank, 0, cols).Transpose().ToRowMajorArray();
        return new LowRankMatrix(rows, cols, left, values, right);
    }

    private static LowRankMatrix ShiftAndClip(double[] v, int n, double tau)
    {
        var symmetric = Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (v[i * n + j] + v[j * n + i]));
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n)
            .Select(i => (Index: i, Value: evd.EigenValues[i].Real))
            .Where(e => e.Value > tau)
            .OrderByDescending(e => e.Value)
            .ToArray();
        var rank = order.Length;
        var values = order.Select(e => e.Value - tau).ToArray();
        var vectors = new double[n * rank];
        for (var i = 0; i < rank; i++)
        {
            var column = evd.EigenVectors.Column(order[i].Index);
            for (var a = 0; a < n; a++) vectors[a * rank + i] = column[a];
        }
        return new LowRankMatrix(n, n, vectors, values, (double[])vectors.Clone());
    }
}
