using BenchmarkDotNet.Attributes;
using Sweeps.Numerics.Theory;

namespace Sweeps.Benchmarks;

/// <summary>
/// Cold-cache cost of one statistical-dimension point at d = 50, r = 2 (a phase diagram's theory
/// curve pays this once per shape): every invocation builds a fresh <see cref="StatisticalDimension"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TheoryBenchmarks
{
    private const int D = 50, R = 2;

    [Benchmark]
    public double General() => new StatisticalDimension().General(D, D, R);

    [Benchmark]
    public double SymmetricPsd() => new StatisticalDimension().SymmetricPsd(D, R);
}
