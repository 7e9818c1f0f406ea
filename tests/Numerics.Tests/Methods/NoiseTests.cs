using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;
using Xunit.Abstractions;

namespace Sweeps.Numerics.Tests.Methods;

/// <summary>Noisy problems (docs/SCIENCE.md 2.8) through <see cref="TrialRunner"/>: flat-penalty's floor, relative noise, the success rule.</summary>
public sealed class NoiseTests(ITestOutputHelper output)
{
    private const int D = 15;

    /// <summary>Trial <paramref name="index"/> of symmetric sensing (d = 15, r = 2, k = d, m) with absolute noise sigma.</summary>
    private static TrialParameters Parameters(string method, int m, int index, double sigma) =>
        SensingTrials.Parameters(method, m, index, d: D) with { Noise = sigma };

    [Fact]
    public void Flat_penalty_error_grows_linearly_in_sigma()
    {
        double[] sigmas = [1e-3, 3e-3, 1e-2, 3e-2];
        var medians = sigmas.Select(sigma =>
        {
            var results = Enumerable.Range(0, 5).Select(i => TrialRunner.Run(Parameters(FlatPenaltyMethod.MethodName, 90, i, sigma))).ToArray();
            output.WriteLine($"sigma {sigma}: errors {string.Join(", ", results.Select(r => $"{r.RelError:G3} ({r.Status}, {r.Iterations}, {r.Reason})"))}");
            return Median(results.Select(r => r.RelError));
        }).ToArray();

        // Least-squares slope of log(median error) against log(sigma).
        var x = sigmas.Select(s => Math.Log(s)).ToArray();
        var y = medians.Select(v => Math.Log(v)).ToArray();
        var (mx, my) = (x.Average(), y.Average());
        var slope = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
        output.WriteLine($"medians {string.Join(", ", medians.Select(v => v.ToString("G3")))}; slope {slope:F3}");
        Assert.InRange(slope, 0.8, 1.2);
    }

    [Fact]
    public void Relative_noise_scales_the_same_draw_by_the_signal_level()
    {
        // Same seed: same truth, map and xi; b - A(M) = sigma xi with sigma = 1 (absolute) or s ||A(M)|| / sqrt(m).
        var absolute = Sample(new TrialParameters { Problem = "general-sensing", Method = "nuclear", D1 = 4, D2 = 5, R = 1, K = 4, M = 12, Noise = 1, Seed = 9 });
        var relative = Sample(new TrialParameters { Problem = "general-sensing", Method = "nuclear", D1 = 4, D2 = 5, R = 1, K = 4, M = 12, NoiseRelative = 0.1, Seed = 9 });
        var clean = new double[12];
        absolute.Measurements.Apply(absolute.Truth, clean);
        var sigma = 0.1 * Kernels.Norm(clean) / Math.Sqrt(12);
        Assert.Equal(1, absolute.NoiseLevel);
        Assert.Equal(sigma, relative.NoiseLevel, 1e-15);
        for (var i = 0; i < clean.Length; i++)
            Assert.Equal(sigma * (absolute.Data[i] - clean[i]), relative.Data[i] - clean[i], 1e-12);
    }

    [Fact]
    public void Noise_and_relative_noise_are_validated_by_name()
    {
        var parameters = SensingTrials.Parameters(FlatPenaltyMethod.MethodName, 60, 0, d: D);
        Assert.Contains(TrialValidation.Validate(parameters with { Noise = 0.1, NoiseRelative = 0.1 }),
            e => e.StartsWith("noise_relative: 0.1 is not allowed together with noise = 0.1", StringComparison.Ordinal));
        Assert.Contains(TrialValidation.Validate(parameters with { NoiseRelative = -1 }),
            e => e.StartsWith("noise_relative: -1 is not allowed; it must be a finite number >= 0.", StringComparison.Ordinal));
        Assert.Empty(TrialValidation.Validate(parameters with { NoiseRelative = 0.1 }));
        var values = new Dictionary<string, double> { ["d"] = 15, ["r"] = 2, ["m"] = 60, ["noise_relative"] = 0.05 };
        Assert.Equal(0.05, ParameterNames.ToTrialParameters("symmetric-sensing", "sam", values, new SuccessCriterion(), 1).NoiseRelative);
    }

    [Theory]
    [InlineData(1e-2, null)]
    [InlineData(0.0, 1e-2)]
    public void Success_relative_to_noise_compares_the_error_with_c_times_the_noise_level(double noise, double? noiseRelative)
    {
        var parameters = SensingTrials.Parameters(FlatPenaltyMethod.MethodName, 90, 0, d: D) with { Noise = noise, NoiseRelative = noiseRelative };
        var error = TrialRunner.Run(parameters).RelError;
        var level = noiseRelative ?? noise;
        Assert.InRange(error, 0.1 * level, 10 * level);
        Assert.True(TrialRunner.Run(parameters with { Success = new SuccessCriterion(RelativeToNoise: 1.01 * error / level) }).Success);
        Assert.False(TrialRunner.Run(parameters with { Success = new SuccessCriterion(RelativeToNoise: 0.99 * error / level) }).Success);
        // The plain tolerance no longer applies on a noisy problem once relative_to_noise is set.
        Assert.False(TrialRunner.Run(parameters with { Success = new SuccessCriterion(Tolerance: 1, RelativeToNoise: 0.99 * error / level) }).Success);
    }

    private static GeneralSensingProblem Sample(TrialParameters parameters) =>
        (GeneralSensingProblem)Catalogs.Problems.Get(parameters.Problem).Sample(parameters, new TrialSeed(parameters.Seed));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
