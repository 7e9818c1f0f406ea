using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.LinearAlgebra;

/// <summary>The register-blocked symmetric rank update against the plain triple loop c_jl + sum_q b_qj b_ql.</summary>
public sealed class SymmetricRankUpdateTests
{
    [Theory]
    [InlineData(8, 0, 1)]
    [InlineData(16, 3, 7)]
    [InlineData(24, 4, 40)]
    [InlineData(56, 6, 23)]
    public void Upper_triangle_equals_the_plain_sum_and_other_blocks_are_untouched(int w, int start, int n)
    {
        var stream = new TrialSeed((ulong)(w + n)).Stream(StreamPurpose.Algorithm);
        var b = new double[n * w];
        stream.FillNormal(b);
        for (var q = 0; q < n; q++)
            Array.Clear(b, q * w, start);
        var c = new double[w * w];
        stream.FillNormal(c);
        var before = (double[])c.Clone();

        SymmetricRankUpdate.AddUpper(b, w, start, c);

        for (var j = 0; j < w; j++)
            for (var l = 0; l < w; l++)
            {
                var expected = before[j * w + l];
                for (var q = 0; q < n; q++)
                    expected += b[q * w + j] * b[q * w + l];
                var rowBlockSkipped = j < start / 4 * 4;
                var touched = !rowBlockSkipped && j / 4 * 4 < l / 8 * 8 + 8;
                if (touched)
                    Assert.True(Math.Abs(c[j * w + l] - expected) <= 1e-13 * (1 + Math.Abs(expected)), $"({j}, {l}): {c[j * w + l]} vs {expected}");
                else
                    Assert.Equal(before[j * w + l], c[j * w + l]);
                if (j <= l && j >= start)
                    Assert.True(touched, $"({j}, {l}) of the upper triangle was skipped");
            }
    }

    [Fact]
    public void Rejects_a_width_that_is_not_a_multiple_of_eight()
    {
        Assert.Throws<ArgumentException>(() => SymmetricRankUpdate.AddUpper(new double[12], 6, 0, new double[36]));
    }
}
