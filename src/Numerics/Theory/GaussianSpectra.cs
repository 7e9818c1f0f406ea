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
    public static SpectrumDraws SingularValues(int n1, int n2, int samples, long seed)
    {
        var draws = new double[samples][];
        var entries = new double[n1 * n2];
        var g = Matrix<double>.Build.Dense(n1, n2, entries);
        for (var j = 0; j < samples; j++)
        {
            var stream = Stream(seed, "gaussian", n1, n2, j);
            stream.FillNormal(entries);
            draws[j] = g.Svd(computeVectors: false).S.ToArray();
        }
        return new SpectrumDraws(draws, TraceNormals(seed, "gaussian", n1, n2, samples));
    }

    /// <summary>
    /// Eigenvalues of N draws of an n x n symmetric Gaussian matrix W: W_ii ~ N(0, 1),
    /// W_ij = W_ji ~ N(0, 1/2) (the law of (G + G^T)/2, the standard Gaussian on symmetric matrices).
    /// </summary>
    public static SpectrumDraws SymmetricEigenvalues(int n, int samples, long seed)
    {
        var draws = new double[samples][];
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
            draws[j] = w.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        }
        return new SpectrumDraws(draws, TraceNormals(seed, "symmetric", n, n, samples));
    }

    /// <summary>
    /// One standard normal per draw for tr G11 / sqrt(r), from its own stream (so the spectra, and with them
    /// the bound, are the same draws as before the exact value existed).
    /// </summary>
    private static double[] TraceNormals(long seed, string ensemble, int n1, int n2, int samples)
    {
        var normals = new double[samples];
        for (var j = 0; j < samples; j++)
            normals[j] = Stream(seed, ensemble + "-trace", n1, n2, j).NextNormal();
        return normals;
    }

    private static RandomStream Stream(long seed, string ensemble, int n1, int n2, int sample) =>
        TrialSeed.Derive(seed, [new(ensemble, 1), new("n1", n1), new("n2", n2)], sample).Stream(StreamPurpose.Measurements);
}
