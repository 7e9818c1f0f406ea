using BenchmarkDotNet.Attributes;
using Sweeps.Numerics;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Benchmarks;

/// <summary>
/// The nonconvex methods alone (instance sampled once in setup), single thread, on symmetric-sensing
/// with r = 2, k = d: one invocation solves five instances (trials 0-4 of the cell), so the mean per
/// invocation / 5 is the cost per trial, averaged over instances of different difficulty.
/// Targets for flat-penalty: under 10 ms a trial at (d 20, m 80), under 25 ms at (d 50, m 500).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MethodBenchmarks
{
    private const int Instances = 5;
    private (IFactorizedProblem Problem, TrialSeed Seed)[] _instances = [];
    private IMethod _method = null!;

    [Params("flat-penalty", "gd-random-init")]
    public string Method { get; set; } = "";

    [Params("d20 m80", "d50 m500")]
    public string Size { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split(' ');
        var d = int.Parse(parts[0][1..], System.Globalization.CultureInfo.InvariantCulture);
        var m = int.Parse(parts[1][1..], System.Globalization.CultureInfo.InvariantCulture);
        _method = Catalogs.Methods.Get(Method);
        _instances = Enumerable.Range(0, Instances).Select(i =>
        {
            var seed = TrialSeed.Derive(1, [new("d", d), new("r", 2), new("k", d), new("m", m)], i);
            var parameters = new TrialParameters
            {
                Problem = "symmetric-sensing", Method = Method, D1 = d, D2 = d, R = 2, K = d, M = m, Seed = seed.Value,
            };
            return (Catalogs.Problems.Get(parameters.Problem).Sample(parameters, seed), seed);
        }).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Instances)]
    public int Solve()
    {
        var iterations = 0;
        foreach (var (problem, seed) in _instances)
            iterations += _method.Solve(problem, MethodParameters.Defaults, seed, CancellationToken.None).Iterations;
        return iterations;
    }
}
