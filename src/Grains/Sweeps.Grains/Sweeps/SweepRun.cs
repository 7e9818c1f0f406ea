using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The live dispatch state of one run (generation) of a sweep, held in memory by the coordinator:
/// a cursor over the work list (cell-major, then method, then trial; each cell has its own trial count), the number of trials in
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
    public long Total { get; } = definition.TotalTrials;
    public long Cursor { get; private set; }
    public long InFlight { get; private set; }
    public long TotalDone { get; private set; }
    private long _lastProgress = time.GetTimestamp();
    // The cursor's position in the work list: cell, method, next trial index.
    private int _cell, _method, _trial;
    public bool IsComplete => TotalDone >= Total;

    /// <summary>Takes the next chunk of at most <paramref name="chunkSize"/> trials of one cell x method, or null when the window is full or the work list is exhausted.</summary>
    public CellWork? NextChunk(int chunkSize)
    {
        var d = Definition;
        if (InFlight >= Window || Cursor >= Total)
            return null;
        var cell = d.Cells[_cell];
        var trials = d.TrialsOf(cell);
        var method = d.Methods[_method];
        var first = _trial;
        var count = (int)Math.Min(Math.Min(chunkSize, trials - first), Window - InFlight);
        Cursor += count;
        InFlight += count;
        Advance(count, trials);
        var trial = new TrialWork(d.Problem, method, cell.Key, cell.Parameters, d.Seed, d.Tolerance, d.RelativeToNoise, d.Variant(method), d.ProblemPlugin, d.ProblemCommand);
        return new CellWork(d.SweepId, Generation, trial, first, count, trials);
    }

    /// <summary>Moves the cursor <paramref name="count"/> trials on within the current cell x method, then to the next method or cell.</summary>
    private void Advance(int count, int trials)
    {
        _trial += count;
        if (_trial < trials)
            return;
        _trial = 0;
        if (++_method < Definition.Methods.Length)
            return;
        _method = 0;
        _cell++;
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
            Definition.SweepId, status, Total, methods.Sum(m => m.Done), methods.Sum(m => m.Computed),
            methods.Sum(m => m.Reused), methods.Sum(m => m.Successes), methods.Sum(m => m.Diverged), methods,
            startedAt, finishedAt);
    }
}
