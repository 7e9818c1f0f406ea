using Microsoft.Extensions.Time.Testing;
using Sweeps.Grains.Resilience;

namespace Sweeps.Grains.Tests.Resilience;

/// <summary>The one retry loop, driven by a fake clock: no test here waits for real time.</summary>
public sealed class BackoffTests
{
    private static readonly Backoff Storage = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), Budget: TimeSpan.FromSeconds(20));

    [Fact]
    public void Waits_double_from_the_first_up_to_the_cap()
    {
        Assert.Equal([200, 400, 800, 1600, 3200, 5000, 5000], Enumerable.Range(1, 7).Select(k => Storage.Delay(k).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(1), new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), Factor: 1).Delay(9));
    }

    [Fact]
    public async Task A_call_failing_twice_succeeds_on_the_third_attempt_after_the_two_waits()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var waits = new List<TimeSpan>();
        var run = Storage.RunAsync(() => ++calls < 3 ? throw new IOException("down") : Task.FromResult(calls), _ => true, time,
            (_, _, delay) => waits.Add(delay));
        await Until(() => waits.Count == 1);
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Equal(1, calls);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => waits.Count == 2);
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(3, await run);
        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], waits);
    }

    [Fact]
    public async Task The_budget_ends_the_retries_and_the_last_failure_is_thrown()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var run = Storage.RunAsync(() => throw new IOException($"down {++calls}"), _ => true, time);
        // 0.2 + 0.4 + 0.8 + 1.6 + 3.2 + 5 + 5 = 16.2 s of waits fit in 20 s; one more 5 s wait would not.
        for (var i = 0; i < 2000 && !run.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        Assert.True(run.IsCompleted, $"still retrying after {time.GetUtcNow() - FakeStart} of fake time");
        var failure = await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Equal("down 8", failure.Message);
        Assert.Equal(8, calls);
    }

    [Fact]
    public async Task A_failure_the_caller_does_not_retry_and_the_attempt_limit_end_at_once()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Storage.RunAsync(() => { calls++; throw new InvalidOperationException("conflict"); }, e => e is IOException, time));
        Assert.Equal(1, calls);

        calls = 0;
        var limited = new Backoff(TimeSpan.Zero, TimeSpan.Zero, MaxAttempts: 3);
        await Assert.ThrowsAsync<IOException>(() => limited.RunAsync(() => { calls++; throw new IOException(); }, _ => true, time));
        Assert.Equal(3, calls);
    }

    private static readonly DateTimeOffset FakeStart = new FakeTimeProvider().GetUtcNow();

    /// <summary>Lets the loop reach its next wait (continuations run on the thread pool).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
            await Task.Delay(1);
        Assert.True(condition());
    }
}
