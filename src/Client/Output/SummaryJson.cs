using System.Text.Json;
using Sweeps.Client.Adaptive;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Output;

/// <summary>
/// summary.json: the sweep id, problem and trial counts, then per method (spec order) its trials,
/// successes, success rate, counts per status and median relative error (null when no trial has a finite error);
/// then <c>transitions</c>: the axis (null when the grid has none) and one object per line of transitions.csv;
/// for an adaptive sweep then <c>adaptive</c> (<see cref="AdaptiveSummary"/>).
/// </summary>
public static class SummaryJson
{
    public static byte[] Write(
        SweepDefinition sweep, IReadOnlyCollection<TrialRecord> records, string? transitionAxis = null, IReadOnlyList<TransitionRow>? transitions = null,
        (AdaptiveSettings Settings, AdaptivePlan Plan)? adaptive = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("sweep_id", sweep.SweepId);
            json.WriteString("problem", sweep.Problem);
            json.WriteNumber("trials_planned", sweep.TotalTrials);
            json.WriteNumber("trials", records.Count);
            json.WriteStartObject("methods");
            foreach (var method in sweep.Methods)
            {
                var trials = records.Where(r => r.Method == method).ToList();
                var successes = trials.Count(t => t.Success);
                json.WriteStartObject(method);
                json.WriteNumber("trials", trials.Count);
                json.WriteNumber("successes", successes);
                Number(json, "success_rate", trials.Count == 0 ? double.NaN : (double)successes / trials.Count);
                json.WriteStartObject("status_counts");
                foreach (var group in trials.GroupBy(t => t.Status.ToName()).OrderBy(g => g.Key, StringComparer.Ordinal))
                    json.WriteNumber(group.Key, group.Count());
                json.WriteEndObject();
                Number(json, "median_error", CellTable.Median(trials.Select(t => t.RelError)));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("transitions");
            TransitionTable.WriteJson(json, transitionAxis, transitions ?? []);
            json.WriteEndObject();
            if (adaptive is { } a)
                AdaptiveSummary.WriteJson(json, a.Settings, sweep, a.Plan);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, value);
        else
            json.WriteNull(name);
    }
}
