namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// The few dense row-major matrix products the sensing losses need, built on
/// <see cref="Kernels"/> (deterministic, allocation-free). Shapes are given explicitly.
/// </summary>
internal static class DenseProducts
{
    /// <summary>C = A B^T: A is p x k, B is q x k, C is p x q.</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int k, Span<double> c)
    {
        var p = a.Length / k;
        var q = b.Length / k;
        for (var i = 0; i < p; i++)
        {
            var ai = a.Slice(i * k, k);
            for (var j = 0; j < q; j++)
                c[i * q + j] = Kernels.Dot(ai, b.Slice(j * k, k));
        }
    }

    /// <summary>C = A A^T (symmetric, each entry computed once): A is p x k, C is p x p.</summary>
    public static void Gram(ReadOnlySpan<double> a, int k, Span<double> c)
    {
        var p = a.Length / k;
        for (var i = 0; i < p; i++)
        {
            var ai = a.Slice(i * k, k);
            for (var j = i; j < p; j++)
                c[i * p + j] = c[j * p + i] = Kernels.Dot(ai, a.Slice(j * k, k));
        }
    }

    /// <summary>C += scale * S B: S is p x q, B is q x k, C is p x k.</summary>
    public static void AddProduct(double scale, ReadOnlySpan<double> s, ReadOnlySpan<double> b, int k, Span<double> c)
    {
        var q = b.Length / k;
        var p = s.Length / q;
        for (var i = 0; i < p; i++)
        {
            var ci = c.Slice(i * k, k);
            for (var j = 0; j < q; j++)
                Kernels.Axpy(scale * s[i * q + j], b.Slice(j * k, k), ci);
        }
    }

    /// <summary>C += scale * S^T A: S is p x q, A is p x k, C is q x k.</summary>
    public static void AddTransposedProduct(double scale, ReadOnlySpan<double> s, ReadOnlySpan<double> a, int k, Span<double> c)
    {
        var p = a.Length / k;
        var q = s.Length / p;
        for (var i = 0; i < p; i++)
        {
            var ai = a.Slice(i * k, k);
            for (var j = 0; j < q; j++)
                Kernels.Axpy(scale * s[i * q + j], ai, c.Slice(j * k, k));
        }
    }

    /// <summary>
    /// &lt;W, F F^T&gt; = &lt;F, W F&gt; for symmetric W (p x p) and F (p x k); writes W F into
    /// <paramref name="wf"/> (p x k), the half-gradient: d/dF &lt;W, F F^T&gt; = 2 W F.
    /// </summary>
    public static double WeightedSquare(ReadOnlySpan<double> w, ReadOnlySpan<double> f, int k, Span<double> wf)
    {
        wf.Clear();
        AddProduct(1.0, w, f, k, wf);
        return Kernels.Dot(f, wf);
    }
}
