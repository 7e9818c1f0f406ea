using BenchmarkDotNet.Attributes;
using Sweeps.Numerics.Trials;

namespace Sweeps.Benchmarks;

/// <summary>
/// Whole trials, single thread, as a sweep runs them: sampling, the method, and all metrics.
/// Targets (issue 2): flat-penalty on symmetric-sensing under 10 ms at (d 20, m 80) and under
/// 25 ms at (d 50, m 500), median.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrialBenchmarks
{
    [Params("flat-penalty d20 m80", "flat-penalty d50 m500", "flat-convex d20 m100", "flat-convex d40 m300",
        "gd-random-init d20 m80")]
    public string Case { get; set; } = "";

    private TrialParameters _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split(' ');
        var d = int.Parse(parts[1][1..], System.Globalization.CultureInfo.InvariantCulture);
        var m = int.Parse(parts[2][1..], System.Globalization.CultureInfo.InvariantCulture);
        _parameters = new TrialParameters
        {
            Problem = "symmetric-sensing", Method = parts[0], D1 = d, D2 = d, R = 2, K = d, M = m, Seed = 7,
        };
    }

    [Benchmark]
    public TrialResult Trial() => TrialRunner.Run(_parameters);
}
