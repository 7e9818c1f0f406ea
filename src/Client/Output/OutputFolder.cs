using System.Text.Json;
using Sweeps.Client.Adaptive;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Output;

/// <summary>
/// Writes the data files of an output folder (README "Outputs"): trials.csv,
/// trials.parquet, cells.csv, transitions.csv, summary.json, spec.yaml and manifest.json, each atomically.
/// Plots are drawn from the returned cell summaries and trial table (Sweeps.Client.Plots).
/// </summary>
public static class OutputFolder
{
    public const string TrialsCsv = "trials.csv", TrialsParquet = "trials.parquet", CellsCsv = "cells.csv",
        Summary = "summary.json", Spec = "spec.yaml", Manifest = "manifest.json";

    private static readonly JsonSerializerOptions ManifestOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static async Task<List<CellSummary>> WriteAsync(string folder, LoadedSpec spec, IEnumerable<TrialRecord> records, RunManifest manifest) =>
        (await WriteTablesAsync(folder, spec, records, manifest)).Cells;

    /// <summary>Writes the data files; returns the cell summaries and the trial table, from which the plots are drawn in memory.</summary>
    public static async Task<(List<CellSummary> Cells, TrialTable Trials)> WriteTablesAsync(string folder, LoadedSpec spec, IEnumerable<TrialRecord> records, RunManifest manifest)
    {
        var sweep = spec.Definition;
        var all = records.ToList();
        var table = TrialTable.Build(sweep, all);
        var cells = CellTable.Summarize(sweep, all);
        await AtomicFile.WriteTextAsync(Path.Combine(folder, TrialsCsv), table.ToCsv());
        await AtomicFile.WriteAsync(Path.Combine(folder, TrialsParquet), table.WriteParquetAsync);
        await AtomicFile.WriteTextAsync(Path.Combine(folder, CellsCsv), CellTable.ToCsv(sweep, cells));
        var transitions = TransitionTable.Fit(sweep.Problem, spec.TransitionAxis, cells);
        await AtomicFile.WriteTextAsync(Path.Combine(folder, TransitionTable.File), TransitionTable.ToCsv(TransitionTable.CoordinateColumns(sweep, spec.TransitionAxis), transitions));
        var adaptive = AdaptiveSummary.Replay(spec, all) is { } plan ? (spec.Adaptive!, plan) : ((AdaptiveSettings, AdaptivePlan)?)null;
        await AtomicFile.WriteAsync(Path.Combine(folder, Summary), s => s.WriteAsync(SummaryJson.Write(sweep, all, spec.TransitionAxis, transitions, adaptive)).AsTask());
        await AtomicFile.WriteTextAsync(Path.Combine(folder, Spec), spec.NormalizedText);
        await AtomicFile.WriteAsync(Path.Combine(folder, Manifest), s => JsonSerializer.SerializeAsync(s, manifest, ManifestOptions));
        return (cells, table);
    }
}
