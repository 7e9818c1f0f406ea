using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>
/// A noiseless Gaussian sensing instance built independently of the families: M = Z1 Z2^T (or Z Z^T)
/// with unit Frobenius norm, A_i Gaussian (symmetric: (G + G^T)/2), b = A(M),
/// P = (1/m) sum A_i A_i^T, Q = (1/m) sum A_i^T A_i.
/// </summary>
internal sealed record SensingInstance(DenseOperator Operator, double[] Truth, double[] Data, double[] P, double[] Q, bool Symmetric)
{
    public int D1 => Operator.Rows;

    public int D2 => Operator.Cols;

    public int M => Operator.Count;

    public static SensingInstance Sample(int d1, int d2, int r, int m, bool symmetric, ulong seed)
    {
        var stream = new TrialSeed(seed).Stream(StreamPurpose.Truth);
        var z1 = Matrix<double>.Build.Dense(d1, r, (_, _) => stream.NextNormal());
        var z2 = symmetric ? z1 : Matrix<double>.Build.Dense(d2, r, (_, _) => stream.NextNormal());
        var truth = z1 * z2.Transpose();
        truth /= truth.FrobeniusNorm();

        var n = d1 * d2;
        var matrices = new double[m * n];
        var p = Matrix<double>.Build.Dense(d1, d1);
        var q = Matrix<double>.Build.Dense(d2, d2);
        var data = new double[m];
        for (var i = 0; i < m; i++)
        {
            var g = Matrix<double>.Build.Dense(d1, d2, (_, _) => stream.NextNormal());
            var a = symmetric ? 0.5 * (g + g.Transpose()) : g;
            a.ToRowMajorArray().CopyTo(matrices, i * n);
            p += a * a.Transpose() / m;
            q += a.Transpose() * a / m;
            data[i] = a.PointwiseMultiply(truth).Enumerate().Sum();
        }
        return new SensingInstance(new DenseOperator(matrices, m, d1, d2), truth.ToRowMajorArray(), data,
            p.ToRowMajorArray(), q.ToRowMajorArray(), symmetric);
    }
}
