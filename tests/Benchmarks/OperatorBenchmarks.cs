using BenchmarkDotNet.Attributes;
using Sweeps.Numerics;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Benchmarks;

/// <summary>
/// Applying the measurement map A and its adjoint A^* (the inner loop of every method).
/// One Apply reads the whole operator once: m * d1 * d2 doubles for general sensing and
/// m * d(d+1)/2 for symmetric (packed) sensing, 2 flops per entry read (one multiply, one add),
/// i.e. 0.25 flop per byte: the kernel is memory-bound once the operator leaves the caches.
/// GFLOP/s = Flops / mean time; see docs/PERFORMANCE.md for the measured figures.
/// </summary>
[MemoryDiagnoser]
public class OperatorBenchmarks
{
    private IMeasurementOperator _operator = null!;
    private double[] _x = null!, _y = null!, _adjoint = null!;

    [Params("symmetric-sensing", "general-sensing")]
    public string Problem { get; set; } = "";

    [Params(20, 50)]
    public int D { get; set; }

    /// <summary>Measurements: 5 d^2 / 2 for d = 20 and 500 for d = 50, as in the trial benchmarks.</summary>
    public int M => D == 20 ? 200 : 500;

    [GlobalSetup]
    public void Setup()
    {
        var parameters = new TrialParameters
        {
            Problem = Problem, Method = "flat-penalty", D1 = D, D2 = D, R = 2, K = D, M = M, Seed = 1,
        };
        var problem = (IMatrixSensingProblem)Catalogs.Problems.Get(Problem).Sample(parameters, new TrialSeed(1));
        _operator = problem.Measurements;
        var stream = new TrialSeed(2).Stream(StreamPurpose.Probes);
        _x = new double[D * D];
        stream.FillNormal(_x);
        if (Problem == "symmetric-sensing")
        {
            for (var i = 0; i < D; i++)
                for (var j = 0; j < i; j++)
                    _x[i * D + j] = _x[j * D + i];
        }
        _y = new double[M];
        stream.FillNormal(_y);
        _adjoint = new double[D * D];
    }

    /// <summary>Floating-point operations of one Apply (or one adjoint): 2 per stored operator entry.</summary>
    public double Flops => 2.0 * M * (Problem == "symmetric-sensing" ? D * (D + 1) / 2 : D * D);

    [Benchmark]
    public void Apply() => _operator.Apply(_x, _y);

    [Benchmark]
    public void Adjoint()
    {
        Array.Clear(_adjoint);
        _operator.AddAdjoint(_y, 1.0, _adjoint);
    }
}
