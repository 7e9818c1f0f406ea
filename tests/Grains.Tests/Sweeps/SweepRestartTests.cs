using Microsoft.Data.Sqlite;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;

namespace Sweeps.Grains.Tests.Sweeps;

public sealed class SweepRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-restart-").FullName;

    private string DbPath => Path.Combine(_folder, "sweeps.db");

    [Fact]
    public async Task A_sweep_stopped_midway_resumes_on_a_new_cluster_reusing_exactly_the_stored_trials()
    {
        var definition = SweepTestCluster.Definition("resume", [10, 20, 30], ["plain"], 40);
        await using (var first = await SweepTestCluster.StartAsync(DbPath, TimeSpan.FromMilliseconds(20), silos: 1))
        {
            await first.Client.SubmitAsync(definition);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await foreach (var progress in first.Client.FollowAsync("resume", TimeSpan.FromMilliseconds(20), cancellation: timeout.Token))
            {
                if (progress.Done >= 30)
                    break;
            }
            await first.StopAllSilosAsync();
        }
        var stored = StoredTrials();
        Assert.InRange(stored, 30, 119);

        await using var second = await SweepTestCluster.StartAsync(DbPath, TimeSpan.Zero, silos: 1);
        var resumed = await SweepTestCluster.RunToEndAsync(second.Client, definition);
        var records = await SweepTestCluster.ReadAllAsync(second.Client, "resume");

        Assert.Equal((SweepStatus.Completed, 120L, stored, 120 - stored), (resumed.Status, resumed.Done, resumed.Reused, resumed.Computed));
        Assert.Equal(120 - stored, SweepTestCluster.Evaluators(second).Sum(e => e.Evaluations.Count));
        Assert.Equal(120, records.Select(r => (r.CellKey, r.Trial)).Distinct().Count());
    }

    /// <summary>Trial rows committed to the file, counted by an independent connection.</summary>
    private long StoredTrials()
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM grain_state WHERE state_name = 'trial'";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
