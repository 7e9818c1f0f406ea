namespace Sweeps.Numerics.Convex;

/// <summary>Dense row-major matrix products of the small d x d weights with d x d or d x k matrices.</summary>
internal static class MatrixProduct
{
    /// <summary>C = A B with A (rows x inner), B (inner x cols), C (rows x cols), all row-major; C is overwritten.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int rows, int inner, int cols)
    {
        c[..(rows * cols)].Clear();
        for (var i = 0; i < rows; i++)
        {
            var row = c.Slice(i * cols, cols);
            for (var s = 0; s < inner; s++)
            {
                var w = a[i * inner + s];
                if (w != 0) Kernels.Axpy(w, b.Slice(s * cols, cols), row);
            }
        }
    }

    /// <summary>Returns L X R with L (d1 x d1), X (d1 x d2), R (d2 x d2), all row-major.</summary>
    public static double[] Sandwich(ReadOnlySpan<double> left, ReadOnlySpan<double> x, ReadOnlySpan<double> right, int d1, int d2)
    {
        var lx = new double[d1 * d2];
        Multiply(left, x, lx, d1, d1, d2);
        var result = new double[d1 * d2];
        Multiply(lx, right, result, d1, d2, d2);
        return result;
    }
}
