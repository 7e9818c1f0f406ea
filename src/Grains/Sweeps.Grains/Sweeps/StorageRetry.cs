using Orleans.Storage;
using Microsoft.Extensions.Logging;
using Sweeps.Grains.Resilience;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// Retries a grain's storage write with exponential back-off (0.2 s doubling to at most 5 s) until
/// it succeeds or <see cref="SweepsEngineOptions.StorageRetryTimeout"/> has passed, so a Redis
/// restart or a dropped connection delays results instead of losing them. An ETag conflict
/// (<see cref="InconsistentStateException"/>) is not retried: another activation wrote the state.
/// </summary>
internal static class StorageRetry
{
    public static async Task WriteAsync(Func<Task> write, SweepsEngineOptions options, ILogger logger, string what, TimeProvider time, CancellationToken cancellation = default)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), Budget: options.StorageRetryTimeout);
        var retried = 0;
        await backoff.RunAsync(write, e => e is not InconsistentStateException, time, (attempt, e, delay) =>
        {
            retried = attempt;
            logger.LogWarning("Storage write of {What} failed (attempt {Attempt}: {Error}); retrying in {Delay} ms",
                what, attempt, e.Message, (int)delay.TotalMilliseconds);
        }, cancellation);
        if (retried > 0)
            logger.LogInformation("Storage write of {What} succeeded on attempt {Attempt}", what, retried + 1);
    }
}
