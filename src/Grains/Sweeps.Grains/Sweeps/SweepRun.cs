using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The live dispatch state of one run (generation) of a sweep, held in memory by the coordinator:
/// a cursor over the work list (cell-major, then method, then trial), the number of trials in
/// flight, and counters per method. O(methods) memory whatever the number of trials.
/// </summary>
internal sealed class SweepRun(SweepDefinition definition, int generation, int window, TimeProvider time)
{
    private readonly long[][] _counts = definition.Methods.Select(_ => new long[4]).ToArray();
    private readonly Dictionary<string, int> _methodIndex =
        definition.Methods.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
    private const int Done = 0, Computed = 1, Successes = 2, Diverged = 3;

    public SweepDefinition Definition { get; } = definition;
    public int Generation { get; } = generation;
    public int Window { get; } = Math.Max(1, window);
    public long Cursor { get; private set; }
    public long InFlight { get; private set; }
    public long TotalDone { get; private set; }
    private long _lastProgress = time.GetTimestamp();
    public bool IsComplete => TotalDone >= Definition.TotalTrials;

    /// <summary>Takes the next chunk of at most <paramref name="chunkSize"/> trials of one cell x method, or null when the window is full or the work list is exhausted.</summary>
    public CellWork? NextChunk(int chunkSize)
    {
        var d = Definition;
        if (InFlight >= Window || Cursor >= d.TotalTrials)
            return null;
        var perCell = (long)d.Methods.Length * d.Trials;
        var cell = d.Cells[(int)(Cursor / perCell)];
        var method = d.Methods[(int)(Cursor % perCell / d.Trials)];
        var first = (int)(Cursor % d.Trials);
        var count = (int)Math.Min(Math.Min(chunkSize, d.Trials - first), Window - InFlight);
        Cursor += count;
        InFlight += count;
        var trial = new TrialWork(d.Problem, method, cell.Key, cell.Parameters, d.Seed, d.Tolerance, d.RelativeToNoise, d.Variant(method));
        return new CellWork(d.SweepId, Generation, trial, first, count, d.Trials);
    }

    public void Add(CellProgress progress)
    {
        var counts = _counts[_methodIndex[progress.Method]];
        counts[Done] += progress.Done;
        counts[Computed] += progress.Computed;
        counts[Successes] += progress.Successes;
        counts[Diverged] += progress.Diverged;
        InFlight -= progress.Done;
        TotalDone += progress.Done;
        _lastProgress = time.GetTimestamp();
    }

    /// <summary>True when no progress arrived for longer than <paramref name="timeout"/> (since the run began or the last report).</summary>
    public bool IsStalled(TimeSpan timeout) => time.GetElapsedTime(_lastProgress) > timeout;

    public SweepProgress Progress(SweepStatus status, DateTimeOffset? startedAt, DateTimeOffset? finishedAt)
    {
        var methods = Definition.Methods.Select((m, i) => new MethodProgress(
            m, _counts[i][Done], _counts[i][Computed], _counts[i][Done] - _counts[i][Computed], _counts[i][Successes],
            _counts[i][Diverged])).ToImmutableArray();
        return new SweepProgress(
            Definition.SweepId, status, Definition.TotalTrials, methods.Sum(m => m.Done), methods.Sum(m => m.Computed),
            methods.Sum(m => m.Reused), methods.Sum(m => m.Successes), methods.Sum(m => m.Diverged), methods,
            startedAt, finishedAt);
    }
}
