namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>The sweeps the scenarios run: symmetric sensing at d = 12, two methods, 18 cells.</summary>
internal static class Specs
{
    public const string SweepId = "cluster-scenario";

    /// <summary>360 quick trials (a few seconds embedded on 2 cores); <paramref name="trials"/> per cell x method.</summary>
    public static string Small(int trials = 10) => $"""
        name: {SweepId}
        problem: symmetric-sensing
        fixed: {"{"} d: 12, k: 12 {"}"}
        axes:
          r: [1, 2]
          m: {"{"} from: 4, to: 36, step: 4 {"}"}
        methods: [flat-convex, gd-random-init]
        trials: {trials}
        success: {"{"} tolerance: 1.0e-3 {"}"}
        seed: 7
        """;
}
