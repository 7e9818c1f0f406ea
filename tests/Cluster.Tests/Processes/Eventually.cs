namespace Sweeps.Cluster.Tests.Processes;

/// <summary>Bounded waiting: polls a condition until it holds, else fails with a message saying what was awaited. A failed assertion inside the condition fails at once; other errors count as "not yet".</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                    return;
                last = null;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                last = e;
            }
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"not within {timeout.TotalSeconds:F0} s: {what()}{(last is null ? "" : $" (last error: {last.GetType().Name}: {last.Message})")}");
    }
}
