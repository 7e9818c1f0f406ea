using Orleans.Storage;
using Microsoft.Extensions.Logging;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// Retries a grain's storage write with exponential back-off (0.2 s doubling to at most 5 s) until
/// it succeeds or <see cref="SweepsEngineOptions.StorageRetryTimeout"/> has passed, so a Redis
/// restart or a dropped connection delays results instead of losing them. An ETag conflict
/// (<see cref="InconsistentStateException"/>) is not retried: another activation wrote the state.
/// </summary>
internal static class StorageRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(5);

    public static async Task WriteAsync(Func<Task> write, SweepsEngineOptions options, ILogger logger, string what, CancellationToken cancellation = default)
    {
        var deadline = Environment.TickCount64 + (long)options.StorageRetryTimeout.TotalMilliseconds;
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                if (attempt > 1)
                    logger.LogInformation("Storage write of {What} succeeded on attempt {Attempt}", what, attempt);
                return;
            }
            catch (Exception e) when (e is not InconsistentStateException && Environment.TickCount64 + delay.TotalMilliseconds < deadline)
            {
                logger.LogWarning("Storage write of {What} failed (attempt {Attempt}: {Error}); retrying in {Delay} ms",
                    what, attempt, e.Message, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellation);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
