using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Sweeps.Grains.Telemetry;

namespace Sweeps.Grains.Execution;

/// <summary>
/// The silo's bounded CPU executor: <see cref="Slots"/> dedicated threads take work from one queue,
/// so trials never run on (or block) the Orleans scheduler's threads and at most Slots run at once.
/// Awaiting <see cref="Run{T}"/> from a grain resumes on the grain's scheduler.
/// </summary>
public sealed class TrialExecutor : IDisposable
{
    private readonly BlockingCollection<Action<CancellationToken>> _queue = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread[] _threads;

    public TrialExecutor(IOptions<SweepsEngineOptions> options)
    {
        Slots = Math.Max(1, options.Value.ExecutorThreads);
        _threads = new Thread[Slots];
        for (var i = 0; i < Slots; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"sweeps-trial-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>Number of trials this silo computes at once.</summary>
    public int Slots { get; }

    /// <summary>False once the executor is shutting down: no new trial will run here.</summary>
    public bool IsAccepting => !_queue.IsAddingCompleted;

    /// <summary>Queues <paramref name="work"/>; the task completes with its result or exception (cancelled at shutdown).</summary>
    public Task<T> Run<T>(Func<CancellationToken, T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        SweepsTelemetry.ExecutorQueueLength.Add(1);
        _queue.Add(stopping =>
        {
            SweepsTelemetry.ExecutorQueueLength.Add(-1);
            if (stopping.IsCancellationRequested)
            {
                completion.TrySetCanceled(stopping);
                return;
            }
            try
            {
                completion.TrySetResult(work(stopping));
            }
            catch (OperationCanceledException e)
            {
                completion.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
        });
        return completion.Task;
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
            item(_stopping.Token);
    }

    /// <summary>Cancels running trials, fails queued ones as cancelled and joins the threads.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _queue.CompleteAdding();
        foreach (var thread in _threads)
            thread.Join();
        _queue.Dispose();
        _stopping.Dispose();
    }
}
