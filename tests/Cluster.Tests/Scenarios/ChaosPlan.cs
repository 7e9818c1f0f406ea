namespace Sweeps.Cluster.Tests.Scenarios;

internal enum ChaosFaultKind
{
    /// <summary>SIGKILL one silo; the supervisor starts a new one.</summary>
    KillSilo,

    /// <summary>SIGSTOP one silo for <see cref="ChaosPlan.Pause"/>, then SIGCONT (long enough to be declared dead).</summary>
    PauseSilo,

    /// <summary>SIGKILL Redis, restart it on the same port from its append-only file.</summary>
    KillRedis,
}

/// <summary>One fault, injected once the sweep has done <paramref name="AtFraction"/> of its trials.</summary>
internal sealed record ChaosFault(ChaosFaultKind Kind, double AtFraction, int Silo)
{
    public override string ToString() => Kind == ChaosFaultKind.KillRedis ? $"{Kind} at {AtFraction:P1}" : $"{Kind} silo {Silo} at {AtFraction:P1}";
}

/// <summary>
/// The faults of one chaos run, drawn from a seed so that a failing run can be replayed (SWEEPS_CHAOS_SEED=N). The
/// pause comes first, so the sweep is still running when it ends; the kills and the Redis crash fall anywhere in the
/// middle of the sweep, where a fault costs the most in-flight work.
/// </summary>
internal static class ChaosPlan
{
    public const int SiloKills = 5;
    public const int DefaultSeed = 20261205;
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(30);

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SWEEPS_CHAOS_SEED"), out var seed) ? seed : DefaultSeed;

    public static IReadOnlyList<ChaosFault> Draw(int seed, int silos)
    {
        var random = new Random(seed);
        var faults = new List<ChaosFault> { new(ChaosFaultKind.PauseSilo, 0.02 + 0.04 * random.NextDouble(), random.Next(silos)) };
        for (var i = 0; i < SiloKills; i++)
            faults.Add(new(ChaosFaultKind.KillSilo, 0.08 + 0.62 * random.NextDouble(), random.Next(silos)));
        faults.Add(new(ChaosFaultKind.KillRedis, 0.15 + 0.55 * random.NextDouble(), -1));
        return [.. faults.OrderBy(f => f.AtFraction)];
    }
}
