using Sweeps.Grains.Sweeps;

namespace Sweeps.Hosting.Live;

/// <summary>
/// Trials computed per second over the last <see cref="Span"/>, overall and per method, from progress
/// snapshots. Computed, not done: a resumed run counts its stored trials as reused at once, which
/// is no measure of speed.
/// </summary>
public sealed class ProgressRates
{
    public static readonly TimeSpan Span = TimeSpan.FromSeconds(20);
    private readonly Queue<(long Ticks, SweepProgress Progress)> _samples = new();

    public void Add(SweepProgress progress)
    {
        lock (_samples)
        {
            var now = Environment.TickCount64;
            if (_samples.Count > 0 && _samples.Last().Progress.Computed > progress.Computed)
                _samples.Clear(); // a new run counts from zero
            _samples.Enqueue((now, progress));
            while (_samples.Count > 2 && now - _samples.Peek().Ticks > Span.TotalMilliseconds)
                _samples.Dequeue();
        }
    }

    /// <summary>Computed trials per second of one method (null: the whole sweep); 0 until two snapshots are apart.</summary>
    public double PerSecond(string? method)
    {
        lock (_samples)
        {
            if (_samples.Count < 2)
                return 0;
            var (t0, first) = _samples.Peek();
            var (t1, last) = _samples.Last();
            if (t1 <= t0)
                return 0;
            long Computed(SweepProgress p) => method is null ? p.Computed : p.Methods.FirstOrDefault(m => m.Method == method)?.Computed ?? 0;
            return (Computed(last) - Computed(first)) * 1000.0 / (t1 - t0);
        }
    }
}
