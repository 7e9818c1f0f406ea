using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sweeps.Grains;
using Sweeps.Hosting.Cluster;

namespace Sweeps.Cluster.Tests.Silo;

/// <summary>
/// A silo that Orleans must stop (declared dead after a pause) logs one clear line, stops its host
/// and exits with <see cref="FatalErrorExit.ExitCode"/> instead of Orleans' FailFast and core dump.
/// </summary>
public sealed class FatalErrorExitTests
{
    [Fact]
    public void A_cluster_silo_uses_the_exit_code_handler_instead_of_Orleans_FailFast()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseSweepsCluster(
            new SweepsClusterOptions("127.0.0.1:1", "c", "s", 11111, 30000, IPAddress.Loopback), new SweepsEngineOptions()));
        using var host = builder.Build(); // never started: nothing connects
        Assert.IsType<FatalErrorExit>(host.Services.GetRequiredService<IFatalErrorHandler>());
        Assert.Same(host.Services.GetRequiredService<FatalErrorExit>(), host.Services.GetRequiredService<IFatalErrorHandler>());
    }

    [Fact]
    public void A_fatal_error_logs_one_line_stops_the_host_once_and_exits_only_after_the_stop_budget()
    {
        var lifetime = new RecordingLifetime();
        var log = new RecordingLogger();
        var time = new FakeTimeProvider();
        var handler = new FatalErrorExit(lifetime, log, time);
        Assert.Null(handler.Reason);

        handler.OnFatalException(this, "this silo was declared dead by the cluster. Membership: [S127.0.0.1:1:1 Dead, S127.0.0.1:2:1 Active]");
        handler.OnFatalException(this, "a second report of the same death");

        Assert.Equal("this silo was declared dead by the cluster", handler.Reason);
        Assert.Equal(1, lifetime.StopRequests);
        var line = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Contains("declared dead", line.Text, StringComparison.Ordinal);
        Assert.Contains($"Exiting with code {FatalErrorExit.ExitCode}", line.Text, StringComparison.Ordinal);
        Assert.Contains("supervisor", line.Text, StringComparison.Ordinal);
        // The forced exit waits on the injected clock: not a moment of real time passes here, so it never fires.
        time.Advance(FatalErrorExit.StopBudget - TimeSpan.FromSeconds(1));
        Assert.False(handler.IsUnexpected(new ThreadInterruptedException()));
        Assert.True(handler.IsUnexpected(new InvalidOperationException()));
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public int StopRequests { get; private set; }
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => StopRequests++;
    }

    private sealed class RecordingLogger : ILogger<FatalErrorExit>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
