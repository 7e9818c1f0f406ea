using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Theory;

/// <summary>
/// Monte Carlo spectra of the Gaussian ensembles behind the statistical dimension. Draw j of a
/// shape uses the stream TrialSeed.Derive(seed, shape, j), so every value is reproducible and
/// independent of which other shapes were asked for, or in which order.
/// </summary>
internal static class GaussianSpectra
{
    /// <summary>Singular values of N draws of an n1 x n2 matrix with i.i.d. N(0, 1) entries.</summary>
    public static PooledSpectrum SingularValues(int n1, int n2, int samples, long seed)
    {
        var count = Math.Min(n1, n2);
        var pooled = new double[samples * count];
        var entries = new double[n1 * n2];
        var g = Matrix<double>.Build.Dense(n1, n2, entries);
        for (var j = 0; j < samples; j++)
        {
            var stream = Stream(seed, "gaussian", n1, n2, j);
            stream.FillNormal(entries);
            var s = g.Svd(computeVectors: false).S;
            for (var i = 0; i < count; i++)
                pooled[j * count + i] = s[i];
        }
        return new PooledSpectrum(pooled, samples);
    }

    /// <summary>
    /// Eigenvalues of N draws of an n x n symmetric Gaussian matrix W: W_ii ~ N(0, 1),
    /// W_ij = W_ji ~ N(0, 1/2) (the law of (G + G^T)/2, the standard Gaussian on symmetric matrices).
    /// </summary>
    public static PooledSpectrum SymmetricEigenvalues(int n, int samples, long seed)
    {
        var pooled = new double[samples * n];
        var offDiagonalScale = Math.Sqrt(0.5);
        var w = Matrix<double>.Build.Dense(n, n);
        for (var j = 0; j < samples; j++)
        {
            var stream = Stream(seed, "symmetric", n, n, j);
            for (var c = 0; c < n; c++)
            {
                w[c, c] = stream.NextNormal();
                for (var row = 0; row < c; row++)
                {
                    var value = offDiagonalScale * stream.NextNormal();
                    w[row, c] = value;
                    w[c, row] = value;
                }
            }
            var eigenvalues = w.Evd(Symmetricity.Symmetric).EigenValues;
            for (var i = 0; i < n; i++)
                pooled[j * n + i] = eigenvalues[i].Real;
        }
        return new PooledSpectrum(pooled, samples);
    }

    private static RandomStream Stream(long seed, string ensemble, int n1, int n2, int sample) =>
        TrialSeed.Derive(seed, [new(ensemble, 1), new("n1", n1), new("n2", n2)], sample).Stream(StreamPurpose.Measurements);
}
