using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;
using Sweeps.Hosting.Telemetry;

namespace Sweeps.Observability.Tests;

public sealed class SiloWebHostTests
{
    [Fact]
    public async Task A_silo_web_host_serves_valid_Prometheus_metrics_with_the_sweeps_counts_and_the_Orleans_dashboard()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var ports = LoopbackPorts.Free(2);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports[0], ports[1], serviceId: "web", clusterId: "web")
            .UseSweeps(new SweepsSiloOptions { Engine = new() { ExecutorThreads = 2 } }));
        builder.Services.AddSingleton<ITrialEvaluator, KnownEvaluator>();
        builder.AddSweepsObservability();
        await using var app = builder.Build();
        app.MapSweepsObservability();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(20) };

        var definition = KnownEvaluator.Definition("scraped", [10, 20], ["web", KnownEvaluator.Throwing], 6);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            Assert.Equal(SweepStatus.Completed, (await app.Services.GetRequiredService<IClusterClient>().RunAsync(definition, cancellation: timeout.Token)).Status);
        var diverged = KnownEvaluator.Expected(definition).Count(e => e.Status == "diverged");
        Assert.InRange(diverged, 1, 11);

        var metrics = await http.GetStringAsync(SweepsObservabilityExtensions.MetricsPath);
        // promtool exits 1 on lint findings too, which Orleans' own metrics have (no help text, millisecond units):
        // the exposition must parse, and the Sweeps metrics must lint clean.
        var findings = (await PromtoolCheckAsync(metrics)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(findings, f => f.Contains("error", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(findings, f => f.StartsWith("sweeps_", StringComparison.Ordinal));
        Assert.Equal(12, Sum(metrics, "sweeps_trials_completed_total{", "sweeps_method=\"web\""));
        Assert.Equal(diverged, Sum(metrics, "sweeps_trials_completed_total{", "sweeps_outcome=\"diverged\""));
        Assert.Equal(24, Sum(metrics, "sweeps_trial_duration_seconds_count{", ""));
        Assert.Contains("\norleans_", metrics, StringComparison.Ordinal);

        using var dashboard = await http.GetAsync(SweepsObservabilityExtensions.DashboardPath);
        Assert.True(dashboard.IsSuccessStatusCode, $"{dashboard.StatusCode}");
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await app.StopAsync();
    }

    /// <summary>Sum of the samples of the series starting with <paramref name="series"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Sum(string exposition, string series, string label) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(series, StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    /// <summary>The findings of `promtool check metrics` (Debian's prometheus package; scripts/test-services.sh installs it) on the exposition text.</summary>
    private static async Task<string> PromtoolCheckAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
