namespace Sweeps.Grains.Telemetry;

/// <summary>Attribute (span tag and metric label) names of Sweeps telemetry.</summary>
public static class SweepsAttributes
{
    public const string SweepId = "sweeps.sweep.id";
    public const string Problem = "sweeps.problem";
    public const string Method = "sweeps.method";
    public const string Cell = "sweeps.cell.key";

    /// <summary>Prefix of one attribute per cell coordinate: <c>sweeps.cell.m</c> = 40.</summary>
    public const string CellParameterPrefix = "sweeps.cell.";

    public const string Generation = "sweeps.generation";
    public const string Window = "sweeps.window";
    public const string TotalTrials = "sweeps.trials.total";
    public const string FirstTrial = "sweeps.trials.first";
    public const string TrialCount = "sweeps.trials.count";
    public const string Trial = "sweeps.trial";
    public const string Seed = "sweeps.seed";
    public const string Outcome = "sweeps.outcome";
    public const string Success = "sweeps.success";
    public const string RelError = "sweeps.rel_error";
    public const string Iterations = "sweeps.iterations";
    public const string QueueSeconds = "sweeps.queue_seconds";
    public const string Status = "sweeps.status";
    public const string Done = "sweeps.trials.done";
    public const string Computed = "sweeps.trials.computed";
    public const string Reused = "sweeps.trials.reused";
    public const string Successes = "sweeps.trials.successes";
    public const string Reason = "sweeps.reason";
}
