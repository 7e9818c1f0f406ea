namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>The observations of a sensing instance (docs/SCIENCE.md 2.8).</summary>
internal static class SensingData
{
    /// <summary>
    /// b = A(M) + sigma xi, xi ~ N(0, I_m) drawn from the seed's Noise stream (not drawn when sigma = 0).
    /// sigma = noise (absolute), or noise_relative * ||A(M)|| / sqrt(m) when that is set; returned with b.
    /// </summary>
    public static (double[] Data, double Sigma) Observe(
        IMeasurementOperator measurements, ReadOnlySpan<double> truth, TrialParameters parameters, TrialSeed seed)
    {
        var data = new double[measurements.Count];
        measurements.Apply(truth, data);
        var sigma = parameters.NoiseRelative is { } relative
            ? relative * Kernels.Norm(data) / Math.Sqrt(data.Length)
            : parameters.Noise;
        if (sigma > 0)
        {
            var noise = seed.Stream(StreamPurpose.Noise);
            for (var i = 0; i < data.Length; i++)
                data[i] += sigma * noise.NextNormal();
        }
        return (data, sigma);
    }
}
