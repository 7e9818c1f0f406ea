namespace Sweeps.Grains;

/// <summary>
/// Tuning of the sweep engine on one silo. The in-flight window of a sweep is
/// <see cref="Window"/> when set, else <see cref="WindowPerSlot"/> x (executor threads x active silos).
/// </summary>
public sealed class SweepsEngineOptions
{
    /// <summary>Name of the grain storage provider every sweep, cell and trial grain persists to.</summary>
    public const string StorageName = "sweeps";

    /// <summary>Trials computed at once on this silo (dedicated threads); default one per core.</summary>
    public int ExecutorThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Fixed in-flight window (trials dispatched and not yet reported); null derives it from the cluster.</summary>
    public int? Window { get; set; }

    public int WindowPerSlot { get; set; } = 16;

    /// <summary>Trials of one cell x method sent to the cell grain in one dispatch call.</summary>
    public int ChunkSize { get; set; } = 32;

    /// <summary>A cell reports to the coordinator when its dispatched trials are all done, or at most this often.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// With trials in flight and no progress for this long (a silo died with them, a report was lost),
    /// the coordinator re-dispatches the whole sweep as a new run: stored trials are reused, running ones are not restarted.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Period of the durable reminder that re-activates a running sweep whose silo died (null: no
    /// reminder; needs a reminder service, as in cluster mode). The reminder only wakes the
    /// coordinator; activation itself resumes dispatch.
    /// </summary>
    public TimeSpan? ResumeReminderPeriod { get; set; }

    /// <summary>
    /// How long a grain retries a failed storage write (Redis restarting, connection lost) with
    /// exponential back-off before it gives up and leaves the work to the stall check.
    /// </summary>
    public TimeSpan StorageRetryTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
