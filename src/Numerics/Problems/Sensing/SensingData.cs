using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>The observations of a sensing instance (SCIENCE.md 2.8).</summary>
internal static class SensingData
{
    /// <summary>b = A(M) + sigma xi, xi ~ N(0, I_m) drawn from the seed's Noise stream (not drawn when sigma = 0).</summary>
    public static double[] Observe(IMeasurementOperator measurements, ReadOnlySpan<double> truth, double sigma, TrialSeed seed)
    {
        var data = new double[measurements.Count];
        measurements.Apply(truth, data);
        if (sigma > 0)
        {
            var noise = seed.Stream(StreamPurpose.Noise);
            for (var i = 0; i < data.Length; i++)
                data[i] += sigma * noise.NextNormal();
        }
        return data;
    }
}
