using Sweeps.Numerics.Problems.Hadamard;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Problems.Hadamard;

/// <summary>Sampled hadamard-sparse instances and trial parameters.</summary>
internal static class HadamardInstances
{
    public static TrialParameters Parameters(int d, int r, int m, int depth, ulong seed = 1, double noise = 0, string method = "flat-convex") => new()
    {
        Problem = HadamardSparseFamily.FamilyName,
        Method = method,
        D1 = d,
        D2 = d,
        R = r,
        K = d,
        M = m,
        Depth = depth,
        Noise = noise,
        Seed = seed,
    };

    public static HadamardSparseProblem Sample(int d, int r, int m, int depth, ulong seed = 1, double noise = 0) =>
        (HadamardSparseProblem)new HadamardSparseFamily().Sample(Parameters(d, r, m, depth, seed, noise, "nuclear"), new TrialSeed(seed));
}
