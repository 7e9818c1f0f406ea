using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Trials;
using Xunit.Abstractions;

namespace Sweeps.Numerics.Tests.Methods;

/// <summary>Noisy problems (SCIENCE.md 2.8) through <see cref="TrialRunner"/>: flat-penalty's floor, relative noise, the success rule.</summary>
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

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
