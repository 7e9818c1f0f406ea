using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Hosting.Live;

/// <summary>
/// The live page's copy of one sweep, shared by every open page: its definition, the latest
/// progress and one <see cref="LiveCell"/> per cell x method. A refresh asks the coordinator which
/// cells reported since the last one (<see cref="ISweepGrain.GetCellChanges"/>) and re-reads only
/// those; the first refresh (or one after the coordinator was re-activated) reads every cell.
/// Refreshes are coalesced: many pages polling cost at most one grain round per <see cref="MinInterval"/>.
/// Every cell update gets a local sequence number, so each event stream sends only what it has not sent; the
/// transitions are fitted again only when that number (or the definition) moved.
/// </summary>
public sealed class LiveSweep(IGrainFactory grains, string sweepId, Func<SweepDefinition, string?> transitionAxis)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);
    private const int ReadsInParallel = 32;

    private Task _refresh = Task.CompletedTask;
    private readonly Dictionary<CellChange, (LiveCell Cell, long Sequence)> _cells = [];
    private readonly ProgressRates _rates = new();
    private long _sequence;
    private string _epoch = "";
    private long _version;
    private (SweepDefinition Definition, long Sequence, LiveTransitions Value)? _transitions;
    private long _lastRefresh = long.MinValue / 2; // long ago, without overflow in now - last

    public string SweepId { get; } = sweepId;

    /// <summary>The definition, or null while the sweep was never started.</summary>
    public SweepDefinition? Definition { get; private set; }

    public SweepProgress? Progress { get; private set; }

    /// <summary>
    /// Brings the copy up to date unless it was refreshed less than <see cref="MinInterval"/> ago; a caller
    /// arriving during a refresh joins it. <paramref name="cancellation"/> stops only this caller's wait.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellation)
    {
        lock (_cells)
        {
            if (_refresh.IsCompleted && Environment.TickCount64 - _lastRefresh >= MinInterval.TotalMilliseconds)
                _refresh = RefreshCoreAsync();
            return _refresh.WaitAsync(cancellation);
        }
    }

    private async Task RefreshCoreAsync()
    {
        var sweep = grains.GetGrain<ISweepGrain>(SweepId);
        var progress = await sweep.GetProgress();
        if (Definition is null || progress.Total != Definition.TotalTrials || progress.Status != Progress?.Status)
        {
            var definition = await sweep.GetDefinition();
            if (!Equals(definition?.TotalTrials, Definition?.TotalTrials))
                _epoch = ""; // an extended sweep: read every cell again
            Definition = definition;
        }
        if (Definition is { } d)
            await ReadChangedCellsAsync(sweep, d);
        Progress = progress;
        _rates.Add(progress);
        _lastRefresh = Environment.TickCount64;
    }

    private async Task ReadChangedCellsAsync(ISweepGrain sweep, SweepDefinition definition)
    {
        var changes = await sweep.GetCellChanges(_epoch, _version);
        var cells = definition.Cells.ToDictionary(c => c.Key);
        IEnumerable<(CellDefinition Cell, string Method)> toRead = changes.Epoch != _epoch
            ? definition.Cells.SelectMany(c => definition.Methods.Select(m => (c, m)))
            : changes.Cells.Where(c => cells.ContainsKey(c.CellKey) && definition.Methods.Contains(c.Method)).Select(c => (cells[c.CellKey], c.Method));
        foreach (var batch in toRead.Chunk(ReadsInParallel))
        {
            var read = await Task.WhenAll(batch.Select(async p =>
            {
                var records = await grains.GetGrain<ICellGrain>(GrainKeys.Cell(SweepId, p.Cell.Key, p.Method)).GetRecords();
                return (Key: new CellChange(p.Cell.Key, p.Method), Cell: LiveCell.Of(p.Cell, p.Method, [.. records.Where(r => r.Trial < definition.TrialsOf(p.Cell))]));
            }));
            lock (_cells)
            {
                foreach (var (key, cell) in read)
                    if (!_cells.TryGetValue(key, out var old) || old.Cell != cell)
                        _cells[key] = (cell, ++_sequence);
            }
        }
        (_epoch, _version) = (changes.Epoch, changes.Version);
    }

    /// <summary>The cells updated after local sequence number <paramref name="sequence"/> (0: all), and the number to ask from next.</summary>
    public (ImmutableArray<LiveCell> Cells, long Sequence) CellsSince(long sequence)
    {
        lock (_cells)
            return ([.. _cells.Values.Where(c => c.Sequence > sequence).Select(c => c.Cell).OrderBy(c => c.Cell).ThenBy(c => c.Method, StringComparer.Ordinal)], _sequence);
    }

    /// <summary>Progress per method with computed-trial rates and ETAs (null before the first refresh).</summary>
    public LiveProgress? LiveProgress() =>
        Progress is { } p && Definition is { } d ? Live.LiveProgress.Of(d, p, _rates) : null;

    /// <summary>The transitions fitted to the current aggregates along the sweep's transition axis (null before the first refresh).</summary>
    public LiveTransitions? Transitions()
    {
        if (Definition is not { } d)
            return null;
        Dictionary<(int, string), LiveCell> cells;
        long sequence;
        lock (_cells)
        {
            if (_transitions is { } t && ReferenceEquals(t.Definition, d) && t.Sequence == _sequence)
                return t.Value;
            (cells, sequence) = (_cells.Values.ToDictionary(c => (c.Cell.Cell, c.Cell.Method), c => c.Cell), _sequence);
        }
        var value = LiveTransitions.Of(d, transitionAxis(d), cells);
        lock (_cells)
            _transitions = (d, sequence, value);
        return value;
    }
}
