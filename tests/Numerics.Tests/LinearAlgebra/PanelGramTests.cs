using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.LinearAlgebra;

public sealed class PanelGramTests
{
    [Theory]
    [InlineData(13, 37)]
    [InlineData(16, 5)]
    [InlineData(1, 9)]
    public void The_upper_triangle_is_A_A_transpose_bit_for_bit_as_the_rank_update_computes_it(int m, int n)
    {
        var a = new double[m * n];
        new TrialSeed(3).Stream(StreamPurpose.Probes).FillNormal(a);
        var g = PanelGram.Upper(a, m, n);
        var w = PanelGram.Side(m);
        Assert.Equal(w * w, g.Length);

        // The same sums through SymmetricRankUpdate on A^T (n x w, zero-padded): identical bits, same order.
        var transposed = new double[n * w];
        for (var i = 0; i < m; i++)
            for (var q = 0; q < n; q++)
                transposed[q * w + i] = a[i * n + q];
        var reference = new double[w * w];
        SymmetricRankUpdate.AddUpper(transposed, w, 0, reference);
        for (var i = 0; i < m; i++)
            for (var j = i; j < m; j++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference[i * w + j]), BitConverter.DoubleToInt64Bits(g[i * w + j]));
                var dot = 0.0;
                for (var q = 0; q < n; q++) dot += a[i * n + q] * a[j * n + q];
                Assert.Equal(dot, g[i * w + j], 1e-12 * n);
            }
    }
}
