using System.Globalization;
using Sweeps.Cluster.Tests.Processes;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>The silo started exactly as the container entrypoint does: `dotnet sweeps-silo.dll`, no arguments, settings from the environment.</summary>
public sealed class ContainerEntrypointTests
{
    [Fact]
    public async Task Silo_configured_by_environment_joins_is_ready_and_runs_a_trial()
    {
        var folder = Directory.CreateTempSubdirectory("sweeps-entrypoint-").FullName;
        try
        {
            using var redis = new RedisServer(Path.Combine(folder, "redis"));
            await redis.StartAsync();
            var environment = new Dictionary<string, string>
            {
                ["SWEEPS_HTTP_BIND"] = "127.0.0.1",
                ["SWEEPS_SILO_PORT"] = P(FreePorts.Next()),
                ["SWEEPS_GATEWAY_PORT"] = P(FreePorts.Next()),
                ["SWEEPS_HTTP_PORT"] = P(FreePorts.Next()),
                ["SWEEPS_REDIS"] = redis.Connection,
                ["SWEEPS_CLUSTER_ID"] = "sweeps",
                ["SWEEPS_SERVICE_ID"] = "sweeps",
            };
            using var silo = SiloProcess.StartFromEnvironment("silo (container entrypoint)", environment);
            // The HTTP server starts with the silo: live at once; ready answers 503 until the silo has
            // joined (observable when the join takes longer than the first request), then 200.
            var readiness = await silo.WatchReadinessAsync();
            Assert.Equal(200, readiness[^1]);
            Assert.All(readiness.SkipLast(1), status => Assert.Equal(503, status));
            Assert.Equal(200, await silo.GetStatusAsync("/health/live"));

            var spec = Path.Combine(folder, "one.yaml");
            await File.WriteAllTextAsync(spec, Specs.Small(1).Replace("m: { from: 4, to: 36, step: 4 }", "m: [20]", StringComparison.Ordinal));
            using var client = ChildProcess.Start("sweeps run --cluster", "dotnet",
                [RepositoryPaths.ClientDll, "run", spec, "--out", Path.Combine(folder, "out")],
                new Dictionary<string, string> { ["SWEEPS_CLUSTER"] = redis.Connection });
            var code = await client.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(code == 0, $"client exited {code}:\n{client.Tail()}\n--- silo ---\n{silo.Process.Tail()}");
            // 2 ranks x 1 m x 2 methods x 1 trial, each a real record.
            var rows = TrialsCsv.RowsWithoutSeconds(Path.Combine(folder, "out"));
            Assert.Equal(1 + 4, rows.Count);
            var status = Array.IndexOf(rows[0].Split(','), "status");
            Assert.All(rows.Skip(1), r => Assert.Contains(r.Split(',')[status], (string[])["converged", "iteration-limit", "diverged", "invalid-instance"]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string P(int value) => value.ToString(CultureInfo.InvariantCulture);
}
