using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The square roots W^{1/2} and W^{-1/2} (n x n, row-major, symmetric) of an SPD weight W,
/// from its eigendecomposition W = V diag(w) V^T: W^{+-1/2} = V diag(w^{+-1/2}) V^T.
/// </summary>
public sealed record SpdRoots(int Dimension, double[] Half, double[] InverseHalf)
{
    /// <summary>Roots of the n x n row-major SPD matrix <paramref name="weight"/> (symmetrized first).</summary>
    public static SpdRoots Of(ReadOnlySpan<double> weight, int n)
    {
        if (weight.Length != n * n)
            throw new ArgumentException($"weight: length {weight.Length} is not {n} x {n}.", nameof(weight));
        var w = weight.ToArray();
        if (OffDiagonalZero(w, n))
            return Diagonal(Enumerable.Range(0, n).Select(i => w[i * n + i]).ToArray());
        var matrix = Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (w[i * n + j] + w[j * n + i]));
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        // A singular weight comes from the instance (e.g. fewer samples than dimensions): the
        // weighted program is not defined there, which is a property of the instance, not a failure.
        if (values.Any(v => !(v > 0)))
            throw new InvalidInstanceException(
                $"the flat program's {n} x {n} weight is singular (smallest eigenvalue {values.Min():G3}), so its weighted norm is not defined for this instance");
        var vectors = evd.EigenVectors;
        var half = Matrix<double>.Build.Dense(n, n);
        var inverseHalf = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            var v = vectors.Column(i);
            var outer = v.OuterProduct(v);
            half += Math.Sqrt(values[i]) * outer;
            inverseHalf += (1.0 / Math.Sqrt(values[i])) * outer;
        }
        return new SpdRoots(n, half.ToRowMajorArray(), inverseHalf.ToRowMajorArray());
    }

    /// <summary>Roots of the diagonal weight diag(<paramref name="values"/>), exactly sqrt and 1/sqrt of each (all must be &gt; 0).</summary>
    public static SpdRoots Diagonal(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var half = new double[n * n];
        var inverseHalf = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            if (!(values[i] > 0))
                throw new InvalidInstanceException(
                    $"the flat program's {n} x {n} weight is singular (diagonal entry {i} is {values[i]:G3}), so its weighted norm is not defined for this instance");
            half[i * n + i] = Math.Sqrt(values[i]);
            inverseHalf[i * n + i] = 1 / Math.Sqrt(values[i]);
        }
        return new SpdRoots(n, half, inverseHalf);
    }

    /// <summary>Whether both roots are diagonal (a diagonal weight, such as matrix completion's counts).</summary>
    public bool IsDiagonal { get; } = OffDiagonalZero(Half, Dimension) && OffDiagonalZero(InverseHalf, Dimension);

    /// <summary>The identity weight of size n (the unweighted nuclear norm).</summary>
    public static SpdRoots Identity(int n) => ScaledIdentity(n, 1);

    /// <summary>The weight c I of size n (c &gt; 0): roots sqrt(c) I and I / sqrt(c).</summary>
    public static SpdRoots ScaledIdentity(int n, double c)
    {
        var half = new double[n * n];
        var inverseHalf = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            half[i * n + i] = Math.Sqrt(c);
            inverseHalf[i * n + i] = 1 / Math.Sqrt(c);
        }
        return new SpdRoots(n, half, inverseHalf);
    }

    private static bool OffDiagonalZero(double[] matrix, int n)
    {
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j && matrix[i * n + j] != 0) return false;
        return true;
    }
}
