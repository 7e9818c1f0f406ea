using System.Diagnostics;
using System.Globalization;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// A real sweeps-silo process serves Prometheus text on its HTTP port: after a cluster sweep its
/// /metrics parses with promtool and counts every trial it computed, beside Orleans' metrics.
/// </summary>
public sealed class SiloMetricsTests
{
    [Fact]
    public async Task A_silo_process_exposes_parseable_metrics_counting_the_sweeps_trials_and_the_dashboard()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 1);
        await cluster.RunClientToEndAsync(cluster.StartClient(Specs.Small(trials: 2), "out"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var silo = $"http://127.0.0.1:{cluster.Silos[0].HttpPort.ToString(CultureInfo.InvariantCulture)}";

        var metrics = await http.GetStringAsync($"{silo}/metrics");
        var completed = metrics.Split('\n')
            .Where(line => line.StartsWith("sweeps_trials_completed_total{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.Equal(18 * 2 * 2, completed); // 18 cells x 2 methods x 2 trials, all on the one silo
        Assert.Contains("\norleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_", metrics, StringComparison.Ordinal);

        // promtool exits 1 on lint findings too (Orleans' metrics lack help text); the text must parse and Sweeps' metrics lint clean.
        var start = new ProcessStartInfo("promtool", "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var promtool = Process.Start(start)!;
        await promtool.StandardInput.WriteAsync(metrics);
        promtool.StandardInput.Close();
        var findings = (await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync()).Split('\n');
        await promtool.WaitForExitAsync();
        Assert.DoesNotContain(findings, f => f.Contains("error", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(findings, f => f.StartsWith("sweeps_", StringComparison.Ordinal));

        using var dashboard = await http.GetAsync($"{silo}/dashboard");
        Assert.True(dashboard.IsSuccessStatusCode, $"/dashboard answered {dashboard.StatusCode}");
    }
}
