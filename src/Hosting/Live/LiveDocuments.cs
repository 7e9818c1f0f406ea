using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Hosting.Live;

/// <summary>A row of GET /api/sweeps.</summary>
public sealed record LiveSweepListItem(string Id, string Status, long Done, long Total, long Successes);

/// <summary>A method entry: its label (the method column) and the catalog method with its own values.</summary>
public sealed record LiveMethodEntry(string Label, string Method, ImmutableSortedDictionary<string, double> Parameters);

/// <summary>A download link of an output file.</summary>
public sealed record LiveDownload(string Name, string Url);

/// <summary>A cell of the grid: its index (the cell column), key and parameters.</summary>
public sealed record LiveGridCell(int Index, string Key, ImmutableSortedDictionary<string, double> Parameters);

/// <summary>
/// GET /api/sweeps/{id}: what the page draws the grid from, and the <see cref="Transitions"/> fitted so far (each
/// "cells" event is followed by a "transitions" event with them again).
/// </summary>
public sealed record LiveSweepDocument(
    string Id, string Problem, int Trials, long Seed, double Tolerance, double? RelativeToNoise,
    ImmutableArray<LiveMethodEntry> Methods, ImmutableArray<SweepAxis> Axes, ImmutableSortedDictionary<string, double> Fixed,
    ImmutableArray<LiveGridCell> Cells, LiveProgress? Progress, ImmutableArray<LiveDownload> Downloads, LiveTransitions? Transitions)
{
    public static LiveSweepDocument Of(SweepDefinition d, LiveProgress? progress, LiveTransitions? transitions, Func<string, string?> file)
    {
        var axes = SweepAxes.Of(d);
        var downloads = LiveSweeps.Downloads.Where(n => file(n) is not null)
            .Select(n => new LiveDownload(n, $"/api/sweeps/{Uri.EscapeDataString(d.SweepId)}/files/{n}")).ToImmutableArray();
        return new LiveSweepDocument(
            d.SweepId, d.Problem, d.Trials, d.Seed, d.Tolerance, d.RelativeToNoise,
            [.. d.Methods.Select(m => d.Variant(m) is { } v ? new LiveMethodEntry(m, v.Method, v.Parameters) : new LiveMethodEntry(m, m, ImmutableSortedDictionary<string, double>.Empty))],
            axes, SweepAxes.Fixed(d, axes),
            [.. d.Cells.OrderBy(c => c.Index).Select(c => new LiveGridCell(c.Index, c.Key, c.Parameters))],
            progress, downloads, transitions);
    }
}

/// <summary>GET /api/sweeps/{id}/cells and the data of a "cells" event: aggregates changed after a sequence number.</summary>
public sealed record LiveCellsDocument(long Sequence, ImmutableArray<LiveCell> Cells);

/// <summary>One trial of a cell with the command that reproduces it; the seed as a string (64 bits).</summary>
public sealed record LiveTrial(
    int Trial, string Seed, string Status, string? Reason, bool Success, double RelError, double Loss, double HessianTrace,
    int Iterations, double Seconds, string Command);

/// <summary>GET /api/sweeps/{id}/trials?cell=N&amp;method=M: one cell x method's trials.</summary>
public sealed record LiveTrialsDocument(int Cell, string Method, ImmutableSortedDictionary<string, double> Parameters, LiveCell Summary, ImmutableArray<LiveTrial> Trials)
{
    public static LiveTrialsDocument Of(SweepDefinition d, CellDefinition cell, string method, IEnumerable<TrialRecord> records)
    {
        var kept = records.Where(r => r.Trial < d.TrialsOf(cell)).OrderBy(r => r.Trial).ToList();
        var parameters = d.Variant(method)?.Apply(cell.Parameters) ?? cell.Parameters;
        return new LiveTrialsDocument(cell.Index, method, parameters, LiveCell.Of(cell, method, kept),
            [.. kept.Select(r => new LiveTrial(r.Trial, r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Status.ToName(), r.Reason, r.Success,
                r.RelError, r.Loss, r.HessianTrace, r.Iterations, r.Seconds, ReproCommand.For(d, cell, method, r.Seed)))]);
    }
}
