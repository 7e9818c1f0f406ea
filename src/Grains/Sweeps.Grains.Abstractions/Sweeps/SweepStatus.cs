namespace Sweeps.Grains.Sweeps;

/// <summary>Where a sweep stands. NotStarted only for a sweep id that was never started.</summary>
[GenerateSerializer, Alias("Sweeps.SweepStatus")]
public enum SweepStatus
{
    NotStarted,
    Running,
    Completed,
    Cancelled,
}
