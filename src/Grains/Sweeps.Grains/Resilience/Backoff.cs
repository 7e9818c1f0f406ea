namespace Sweeps.Grains.Resilience;

/// <summary>
/// The one retry loop of Sweeps (storage writes, chunk dispatches, client polls, the Redis probe).
/// Attempt k waits min(First * Factor^(k-1), Max) before attempt k+1; retrying stops after
/// <see cref="MaxAttempts"/> attempts or when the next wait would end past <see cref="Budget"/>
/// (measured from the first attempt), and the last failure is thrown. Waits run on the given
/// <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max, double Factor = 2, TimeSpan? Budget = null, int? MaxAttempts = null)
{
    /// <summary>The wait after attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Delay(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(First.Ticks * Math.Pow(Factor, attempt - 1), Max.Ticks));

    /// <summary>
    /// Runs <paramref name="call"/> until it succeeds, retrying the failures <paramref name="retryable"/>
    /// accepts while the limits allow; <paramref name="onRetry"/> sees (attempt, failure, wait) before each wait.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, Func<Exception, bool> retryable, TimeProvider time,
        Action<int, Exception, TimeSpan>? onRetry = null, CancellationToken cancellation = default)
    {
        var start = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not OperationCanceledException && retryable(e) && MayRetry(attempt, time.GetElapsedTime(start)))
            {
                var delay = Delay(attempt);
                onRetry?.Invoke(attempt, e, delay);
                await Task.Delay(delay, time, cancellation);
            }
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<Task> call, Func<Exception, bool> retryable, TimeProvider time,
        Action<int, Exception, TimeSpan>? onRetry = null, CancellationToken cancellation = default) =>
        RunAsync(async () => { await call(); return true; }, retryable, time, onRetry, cancellation);

    private bool MayRetry(int attempt, TimeSpan elapsed) =>
        (MaxAttempts is not { } most || attempt < most) && (Budget is not { } budget || elapsed + Delay(attempt) < budget);
}
