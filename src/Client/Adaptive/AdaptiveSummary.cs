using System.Text.Json;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Adaptive;

/// <summary>
/// summary.json's <c>adaptive</c> object: the settings, the trials spent, why the sweep stopped (<c>done</c>, <c>budget</c>;
/// null while a round is still to run) and each line's state. The planner is pure, so replaying it on the last round's
/// results gives the run's final plan without storing it anywhere.
/// </summary>
public static class AdaptiveSummary
{
    public static AdaptivePlan? Replay(LoadedSpec spec, IEnumerable<TrialRecord> records) =>
        spec.Adaptive is { } settings
            ? AdaptivePlanner.Plan(spec.Definition, [.. spec.Axes.Select(a => a.Name)], AdaptivePlanner.Count(records), settings, round: 0)
            : null;

    public static void WriteJson(Utf8JsonWriter json, AdaptiveSettings settings, SweepDefinition sweep, AdaptivePlan plan)
    {
        json.WriteStartObject("adaptive");
        json.WriteString("axis", settings.Axis);
        json.WriteNumber("precision", settings.Precision);
        json.WriteNumber("max_trials", settings.MaxTrials);
        json.WriteNumber("batch", settings.Batch);
        json.WriteNumber("trials", sweep.TotalTrials);
        if (plan.Stopped is { } stopped)
            json.WriteString("stopped", stopped);
        else
            json.WriteNull("stopped");
        json.WriteStartArray("lines");
        foreach (var line in plan.Lines)
        {
            json.WriteStartObject();
            TransitionTable.WriteLine(json, line.Method, line.Coordinates);
            SummaryJson.Number(json, "m50", line.Fit.X50);
            SummaryJson.Number(json, "relative_width", line.RelativeWidth);
            json.WriteString("state", line.State);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
