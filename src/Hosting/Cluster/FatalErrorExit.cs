using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sweeps.Hosting.Cluster;

/// <summary>
/// Orleans' fatal-error handler for a cluster silo. Orleans calls it when the silo must not go on,
/// above all when its peers declared it dead (it was paused past the failure detector: SIGSTOP, a
/// VM freeze, a long GC) and it wakes up. Orleans' own handler aborts the process with FailFast and
/// a core dump; this one logs one clear line, stops the host and lets the process exit with
/// <see cref="ExitCode"/>, so a supervisor (compose restart:, Kubernetes, systemd) starts it again.
/// Nothing is lost either way: finished trials are stored before they are reported.
/// </summary>
public sealed class FatalErrorExit(IHostApplicationLifetime lifetime, ILogger<FatalErrorExit> logger, TimeProvider time) : IFatalErrorHandler
{
    /// <summary>The process exit code after a fatal error (distinct from 1, a start-up failure, and 2, bad flags).</summary>
    public const int ExitCode = 3;

    /// <summary>How long a graceful stop may take before the process exits regardless.</summary>
    public static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(20);

    private int _fatal;

    /// <summary>The reason of the first fatal error, or null while none happened.</summary>
    public string? Reason { get; private set; }

    public bool IsUnexpected(Exception exception) => exception is not ThreadInterruptedException;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        if (Interlocked.Exchange(ref _fatal, 1) != 0) return;
        Reason = Summary(context ?? exception?.Message ?? "fatal error");
        logger.LogCritical(
            "sweeps-silo: stopping after a fatal error ({Reason}); when the cluster declared this silo dead it was paused past the failure detector. Exiting with code {Code}; run silos under a supervisor that restarts them. No finished trial is lost.",
            Reason, ExitCode);
        if (exception is not null) logger.LogError(exception, "sweeps-silo: the fatal error's exception");
        lifetime.StopApplication();
        // A stop that hangs (the silo is already out of the cluster) must not keep the process alive.
        _ = Task.Delay(StopBudget, time).ContinueWith(_ =>
        {
            Console.Error.WriteLine($"sweeps-silo: the stop after a fatal error took over {StopBudget.TotalSeconds:F0} s; exiting with code {ExitCode}.");
            Environment.Exit(ExitCode);
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// The context without the membership table Orleans appends to a declared-dead message (one
    /// line per silo ever known), so the log line stays one line.
    /// </summary>
    private static string Summary(string context)
    {
        var table = context.IndexOf(" Membership: [", StringComparison.Ordinal);
        return (table > 0 ? context[..table] : context).Trim().TrimEnd('.');
    }
}
