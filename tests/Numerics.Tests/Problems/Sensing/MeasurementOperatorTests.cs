using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>The sensing operators: adjoint identity, the packed symmetric form, and their second moments.</summary>
public sealed class MeasurementOperatorTests
{
    private static double[] Normal(int n, ulong seed)
    {
        var stream = new TrialSeed(seed).Stream(StreamPurpose.Algorithm);
        var x = new double[n];
        stream.FillNormal(x);
        return x;
    }

    private static void AssertAdjoint(IMeasurementOperator op)
    {
        var x = Normal(op.Rows * op.Cols, 1);
        var y = Normal(op.Count, 2);
        var ax = new double[op.Count];
        op.Apply(x, ax);
        var adjoint = Normal(x.Length, 3);
        var start = (double[])adjoint.Clone();
        op.AddAdjoint(y, 0.7, adjoint);
        for (var i = 0; i < adjoint.Length; i++) adjoint[i] -= start[i];
        var lhs = 0.7 * ax.Zip(y, (a, b) => a * b).Sum();
        var rhs = x.Zip(adjoint, (a, b) => a * b).Sum();
        Assert.True(RelativeDifference(lhs, rhs) < 1e-12);
    }

    /// <summary>The fused pass equals Apply, subtract, AddAdjoint bit for bit (the interface's two-pass default).</summary>
    private static void AssertFusedPassMatchesTwoPasses(IMeasurementOperator op)
    {
        var x = Normal(op.Rows * op.Cols, 5);
        var b = Normal(op.Count, 6);
        var start = Normal(x.Length, 7);
        var (residual, adjoint) = (new double[op.Count], (double[])start.Clone());
        var sum = op.ResidualAndAdjoint(x, b, residual, adjoint);

        var expectedResidual = new double[op.Count];
        op.Apply(x, expectedResidual);
        for (var i = 0; i < b.Length; i++) expectedResidual[i] -= b[i];
        var expectedAdjoint = (double[])start.Clone();
        op.AddAdjoint(expectedResidual, 1.0, expectedAdjoint);
        Assert.Equal(expectedResidual, residual);
        Assert.Equal(expectedAdjoint, adjoint);
        Assert.Equal(expectedResidual.Sum(r => r * r), sum, 12);
    }

    [Fact]
    public void Fused_residual_and_adjoint_pass_equals_the_two_pass_computation()
    {
        var stream = new TrialSeed(8).Stream(StreamPurpose.Measurements);
        AssertFusedPassMatchesTwoPasses(new GeneralMeasurementOperator(11, 5, 9, ref stream));
        AssertFusedPassMatchesTwoPasses(new SymmetricMeasurementOperator(13, 9, ref stream));
    }

    [Fact]
    public void General_operator_satisfies_the_adjoint_identity()
    {
        var stream = new TrialSeed(4).Stream(StreamPurpose.Measurements);
        AssertAdjoint(new GeneralMeasurementOperator(9, 4, 7, ref stream));
    }

    [Fact]
    public void Symmetric_operator_satisfies_the_adjoint_identity_on_nonsymmetric_matrices()
    {
        var stream = new TrialSeed(4).Stream(StreamPurpose.Measurements);
        AssertAdjoint(new SymmetricMeasurementOperator(9, 6, ref stream));
    }

    [Fact]
    public void Symmetric_packed_apply_equals_the_dense_sum_and_the_adjoint_of_a_unit_vector_is_the_matrix()
    {
        const int d = 6, m = 5;
        var stream = new TrialSeed(4).Stream(StreamPurpose.Measurements);
        var op = new SymmetricMeasurementOperator(m, d, ref stream);
        var x = Normal(d * d, 7);
        var y = new double[m];
        op.Apply(x, y);
        var a = new double[d * d];
        for (var i = 0; i < m; i++)
        {
            op.CopyMatrix(i, a);
            for (var j = 0; j < d; j++)
                for (var l = 0; l < d; l++)
                    Assert.Equal(a[j * d + l], a[l * d + j]);
            Assert.True(RelativeDifference(y[i], a.Zip(x, (p, q) => p * q).Sum()) < 1e-12);

            var unit = new double[m];
            unit[i] = 1;
            var adjoint = new double[d * d];
            op.AddAdjoint(unit, 1, adjoint);
            Assert.True(RelativeDifference(adjoint, a) < 1e-15);
        }
    }

    /// <summary>
    /// The blocked D2 = (1/m) sum_i A_i^2 against the straightforward formula: unpack each A_i and
    /// add A_i A_i entry by entry. Widths below, at and above a multiple of 8, and m that crosses
    /// the unpacking batches.
    /// </summary>
    [Theory]
    [InlineData(1, 3)]
    [InlineData(7, 5)]
    [InlineData(8, 9)]
    [InlineData(21, 40)]
    [InlineData(50, 13)]
    public void Square_mean_equals_the_mean_of_the_squared_matrices(int d, int m)
    {
        var stream = new TrialSeed(9).Stream(StreamPurpose.Measurements);
        var op = new SymmetricMeasurementOperator(m, d, ref stream);
        var expected = new double[d * d];
        var a = new double[d * d];
        for (var i = 0; i < m; i++)
        {
            op.CopyMatrix(i, a);
            for (var j = 0; j < d; j++)
                for (var l = 0; l < d; l++)
                    for (var p = 0; p < d; p++)
                        expected[j * d + l] += a[j * d + p] * a[p * d + l] / m;
        }
        var actual = op.SquareMean();
        Assert.True(RelativeDifference(actual, expected) < 1e-13, $"relative difference {RelativeDifference(actual, expected):E2}");
        for (var j = 0; j < d; j++)
            for (var l = 0; l < d; l++)
                Assert.Equal(actual[j * d + l], actual[l * d + j]);
    }

    /// <summary>
    /// E P = d2 I, E Q = d1 I (general), E D2 = ((d+1)/2) I (symmetric). One measurement's
    /// diagonal entry has variance 2 d2 (general P) or 2 + (d-1)/2 (symmetric D2), an upper bound
    /// for every entry; allow six standard errors of the mean over m.
    /// </summary>
    [Fact]
    public void Second_moments_concentrate_around_their_expectations()
    {
        const int d1 = 18, d2 = 20, m = 360;
        var general = General(d1, d2, 1, 1, m, seed: 8);
        AssertNearScaledIdentity(general.LeftWeight, d1, d2, 6 * Math.Sqrt(2.0 * d2 / m));
        AssertNearScaledIdentity(general.RightWeight, d2, d1, 6 * Math.Sqrt(2.0 * d1 / m));

        const int d = 20;
        var symmetric = Symmetric(d, 1, 1, m: 210, seed: 8);
        AssertNearScaledIdentity(symmetric.LeftWeight, d, (d + 1) / 2.0, 6 * Math.Sqrt((2 + (d - 1) / 2.0) / 210));
    }

    private static void AssertNearScaledIdentity(ReadOnlySpan<double> w, int n, double expected, double tolerance)
    {
        Assert.True(tolerance < 0.2 * expected);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                Assert.True(Math.Abs(w[i * n + j] - (i == j ? expected : 0)) < tolerance, $"entry ({i}, {j}) = {w[i * n + j]}, expected {(i == j ? expected : 0)}");
    }
}

public sealed class GeneralMomentsTests
{
    [Theory]
    [InlineData(5, 7, 13)]
    [InlineData(9, 3, 4)]
    public void Moments_are_the_mean_of_A_i_A_i_transpose_and_of_A_i_transpose_A_i(int d1, int d2, int m)
    {
        var stream = new TrialSeed(8).Stream(StreamPurpose.Measurements);
        var map = new GeneralMeasurementOperator(m, d1, d2, ref stream);
        var (p, q) = map.Moments();
        for (var j = 0; j < d1; j++)
            for (var l = 0; l < d1; l++)
            {
                var sum = 0.0;
                for (var i = 0; i < m; i++)
                    for (var c = 0; c < d2; c++) sum += map.Matrix(i)[j * d2 + c] * map.Matrix(i)[l * d2 + c];
                Assert.Equal(sum / m, p[j * d1 + l], 1e-12);
            }
        for (var a = 0; a < d2; a++)
            for (var b = 0; b < d2; b++)
            {
                var sum = 0.0;
                for (var i = 0; i < m; i++)
                    for (var r = 0; r < d1; r++) sum += map.Matrix(i)[r * d2 + a] * map.Matrix(i)[r * d2 + b];
                Assert.Equal(sum / m, q[a * d2 + b], 1e-12);
            }
    }
}
