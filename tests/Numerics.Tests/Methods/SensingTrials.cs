using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Methods;

/// <summary>Whole trials of Gaussian sensing (d = 20, r = 2, k = 20; symmetric unless told) through <see cref="TrialRunner"/>.</summary>
internal static class SensingTrials
{
    public const int D = 20;

    /// <summary>The parameters of trial <paramref name="index"/> of the cell (d, r = 2, k = d, m); the seed ignores the method, so methods share instances.</summary>
    public static TrialParameters Parameters(string method, int m, int index, MethodParameters? methodParameters = null, string problem = "symmetric-sensing", int d = D) => new()
    {
        Problem = problem,
        Method = method,
        D1 = d,
        D2 = d,
        R = 2,
        K = d,
        M = m,
        MethodParameters = methodParameters ?? MethodParameters.Defaults,
        Seed = TrialSeed.Derive(2024, [new("d", d), new("r", 2), new("k", d), new("m", m)], index).Value,
    };

    /// <summary>Results of trials 0..count-1 of a cell.</summary>
    public static TrialResult[] Run(string method, int m, int count, MethodParameters? methodParameters = null, string problem = "symmetric-sensing") =>
        Enumerable.Range(0, count).Select(i => TrialRunner.Run(Parameters(method, m, i, methodParameters, problem))).ToArray();
}
