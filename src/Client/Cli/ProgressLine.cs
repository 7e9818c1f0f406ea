using System.Globalization;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Cli;

/// <summary>
/// Shows a running sweep's progress on stderr: on a terminal one line redrawn in place (bar, trials
/// done / total, rate, ETA, successes so far per method); otherwise a plain line every
/// <see cref="PlainInterval"/>, so logs of batch jobs stay readable. <c>label</c> starts the line (an adaptive run's "round 2: ").
/// </summary>
public sealed class ProgressLine(Terminal terminal, DateTimeOffset started, string label = "") : IProgress<SweepProgress>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);
    private DateTimeOffset _lastPlain = DateTimeOffset.MinValue;
    private int _width;

    public void Report(SweepProgress value)
    {
        var now = DateTimeOffset.UtcNow;
        if (terminal.ErrorIsInteractive)
        {
            var text = Describe(value, now, bar: true);
            terminal.Error.Write("\r" + text.PadRight(_width));
            _width = text.Length;
            if (value.IsFinal) terminal.Error.WriteLine();
        }
        else if (value.IsFinal || now - _lastPlain >= PlainInterval)
        {
            _lastPlain = now;
            terminal.Error.WriteLine(Describe(value, now, bar: false));
        }
    }

    private string Describe(SweepProgress p, DateTimeOffset now, bool bar)
    {
        var fraction = p.Total == 0 ? 1 : (double)p.Done / p.Total;
        var elapsed = Math.Max((now - started).TotalSeconds, 1e-3);
        // Rate and ETA count only trials computed by this run: reused ones arrive at once on a resume.
        var rate = p.Computed / elapsed;
        var remaining = p.Total - p.Done;
        var eta = rate > 0 ? TimeSpan.FromSeconds(remaining / rate) : (TimeSpan?)null;
        var methods = string.Join(", ", p.Methods.Select(m => $"{m.Method} {Percent(m.Successes, m.Done)}"));
        var prefix = bar ? "[" + new string('#', (int)(fraction * 24)).PadRight(24, '.') + "] " : "progress: ";
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}{prefix}{p.Done}/{p.Total} trials {fraction:P0}, {rate:F1}/s, ETA {(eta is { } e ? Format(e) : "?")}, " +
            $"success {methods}{(p.Reused > 0 ? $", {p.Reused} reused" : "")}{(p.Diverged > 0 ? $", {p.Diverged} diverged" : "")}");
    }

    private static string Percent(long part, long whole) =>
        whole == 0 ? "-" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);

    private static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : $"{t.Minutes}m{t.Seconds:00}s";
}
