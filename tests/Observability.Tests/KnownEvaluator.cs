using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Observability.Tests;

/// <summary>
/// A trial evaluator whose outcome is a closed-form function of the seed, so tests can predict every
/// trial's outcome without the engine: seeds divisible by 3 throw with <see cref="Throwing"/>, the others
/// converge with relative error (seed mod 1000)/1000 and iterations seed mod 97. Records the seeds it
/// evaluated; each evaluation takes <paramref name="delay"/> (long enough sweeps let load statistics
/// refresh, so activation-count placement spreads trials over the silos).
/// </summary>
internal sealed class KnownEvaluator(TimeSpan delay) : ITrialEvaluator
{
    public KnownEvaluator()
        : this(TimeSpan.Zero)
    {
    }

    public const string Throwing = "throws-on-multiples-of-3";

    public ConcurrentBag<ulong> Seeds { get; } = [];

    public TrialResult Evaluate(TrialParameters parameters, CancellationToken cancellation)
    {
        Seeds.Add(parameters.Seed);
        if (delay > TimeSpan.Zero && cancellation.WaitHandle.WaitOne(delay))
            cancellation.ThrowIfCancellationRequested();
        if (Throws(parameters.Method, parameters.Seed))
            throw new InvalidOperationException($"known failure of seed {parameters.Seed}");
        var error = RelError(parameters.Seed);
        return new TrialResult
        {
            Status = TrialStatus.Converged, RelError = error, Success = parameters.Success.IsSuccess(error, parameters.Noise),
            Loss = error * error, HessianTrace = 0, FlatTraceAtTruth = 0, BalanceGap = 0, Rank = parameters.R,
            Iterations = Iterations(parameters.Seed), Seconds = 0, Extras = [],
        };
    }

    public static bool Throws(string method, ulong seed) => method == Throwing && seed % 3 == 0;

    public static double RelError(ulong seed) => seed % 1000 / 1000.0;

    public static int Iterations(ulong seed) => (int)(seed % 97);

    /// <summary>Cells d = 4, r = 1 and the given m values (keys as the spec loader writes them), tolerance 0.5.</summary>
    public static SweepDefinition Definition(string sweepId, int[] ms, string[] methods, int trials) => new(
        sweepId, "known", [.. methods],
        [.. ms.Select((m, i) => new CellDefinition(i, $"d=4;m={m};r=1",
            ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["d"] = 4, ["m"] = m, ["r"] = 1 })))],
        trials, Seed: 11, Tolerance: 0.5, RelativeToNoise: null);

    /// <summary>Every trial of the definition with its seed and predicted (status, success), computed here, not by the engine.</summary>
    public static IEnumerable<(CellDefinition Cell, string Method, int Trial, ulong Seed, string Status, bool Success)> Expected(SweepDefinition definition) =>
        from cell in definition.Cells
        from method in definition.Methods
        from trial in Enumerable.Range(0, definition.Trials)
        let seed = TrialSeed.Derive(definition.Seed, cell.Parameters, trial).Value
        let throws = Throws(method, seed)
        select (cell, method, trial, seed, throws ? "diverged" : "converged", !throws && RelError(seed) <= definition.Tolerance);
}
