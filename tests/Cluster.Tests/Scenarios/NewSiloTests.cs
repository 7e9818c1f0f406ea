using System.Globalization;
using Sweeps.Cluster.Tests.Processes;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// A new silo as a new user meets it: its Sweeps metrics exist at 0 before any trial, and a client
/// that names another cluster id is told which cluster ids Redis does hold.
/// </summary>
public sealed class NewSiloTests
{
    private static readonly string[] ZeroSeries =
        ["sweeps_trials_completed_total", "sweeps_trials_in_flight", "sweeps_executor_queue_length", "sweeps_sweeps_active", "sweeps_cells_completed_total"];

    [Fact]
    public async Task A_fresh_silo_shows_its_metrics_at_zero_and_a_client_with_the_wrong_cluster_id_is_told_the_ids_Redis_holds()
    {
        var folder = Directory.CreateTempSubdirectory("sweeps-new-silo-").FullName;
        using var redis = new RedisServer(Path.Combine(folder, "redis"));
        await redis.StartAsync();
        using var silo = SiloProcess.Start("silo alpha", redis.Connection, 1, "--cluster-id", "alpha");
        await silo.WaitReadyAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{silo.HttpPort.ToString(CultureInfo.InvariantCulture)}/metrics"));
        foreach (var series in ZeroSeries)
        {
            var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith(series + "{", StringComparison.Ordinal) || l.StartsWith(series + " ", StringComparison.Ordinal));
            Assert.True(line is not null, $"{series} is missing from a fresh silo's /metrics:\n{metrics}");
            Assert.Equal("0", line.Split(' ')[^1]);
        }

        var quick = new Dictionary<string, string> { ["SWEEPS_CONNECT_TIMEOUT"] = "3" };
        using var wrong = ChildProcess.Start("sweeps list (default id)", "dotnet", [RepositoryPaths.ClientDll, "list", "--cluster", redis.Connection], quick);
        Assert.Equal(1, await wrong.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("no silo of cluster 'sweeps' (service 'sweeps')", wrong.Output, StringComparison.Ordinal);
        Assert.Contains("Redis holds cluster 'alpha' (service 'sweeps', 1 active silo).", wrong.Output, StringComparison.Ordinal);
        Assert.Contains("--cluster-id", wrong.Output, StringComparison.Ordinal);

        using var right = ChildProcess.Start("sweeps list --cluster-id alpha", "dotnet",
            [RepositoryPaths.ClientDll, "list", "--cluster", redis.Connection, "--cluster-id", "alpha"], quick);
        Assert.True(await right.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, right.Output);

        var byVariable = new Dictionary<string, string>(quick) { ["SWEEPS_CLUSTER_ID"] = "alpha", ["SWEEPS_CLUSTER"] = redis.Connection };
        using var variable = ChildProcess.Start("sweeps list (SWEEPS_CLUSTER_ID)", "dotnet", [RepositoryPaths.ClientDll, "list"], byVariable);
        Assert.True(await variable.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, variable.Output);
    }
}
