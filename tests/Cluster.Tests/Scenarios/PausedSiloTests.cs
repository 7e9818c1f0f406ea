using StackExchange.Redis;
using Sweeps.Cluster.Tests.Processes;
using Sweeps.Hosting.Cluster;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// A silo paused past the failure detector (SIGSTOP here; a VM freeze or a long GC in the field) is
/// declared dead by its peers; when it resumes it must log one clear line and exit with
/// <see cref="FatalErrorExit.ExitCode"/> (not Orleans' FailFast abort), so a supervisor restarts it.
/// </summary>
public sealed class PausedSiloTests
{
    [Fact]
    public async Task A_silo_paused_until_declared_dead_exits_with_code_3_and_one_clear_line_when_resumed()
    {
        var folder = Directory.CreateTempSubdirectory("sweeps-paused-silo-").FullName;
        using var redis = new RedisServer(Path.Combine(folder, "redis"));
        await redis.StartAsync();
        // Orleans needs two votes to declare a silo dead, so two peers must stay awake.
        using var a = SiloProcess.Start("silo a", redis.Connection);
        using var b = SiloProcess.Start("silo b", redis.Connection);
        using var paused = SiloProcess.Start("silo paused", redis.Connection);
        await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync(), paused.WaitReadyAsync());
        var options = ConfigurationOptions.Parse(redis.Connection);
        await Eventually.HoldsAsync(async () => await ActiveSilosAsync(options) == 3, TimeSpan.FromSeconds(60), () => "three active silos");

        await paused.Process.SignalAsync("STOP");
        try
        {
            await Eventually.HoldsAsync(async () => await ActiveSilosAsync(options) == 2, TimeSpan.FromMinutes(4), () => "the paused silo declared dead");
        }
        finally
        {
            await paused.Process.SignalAsync("CONT");
        }

        var code = await paused.Process.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.True(code == FatalErrorExit.ExitCode, $"exit code {code}, expected {FatalErrorExit.ExitCode}:\n{paused.Process.Tail()}");
        var lines = paused.Process.Output.Split('\n').Where(l => l.Contains("stopping after a fatal error", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, paused.Process.Tail());
        Assert.DoesNotContain("Membership: [", lines[0], StringComparison.Ordinal);
        Assert.False(a.Process.HasExited || b.Process.HasExited, "a peer of the paused silo stopped");
    }

    private static async Task<int> ActiveSilosAsync(ConfigurationOptions redis) =>
        (await ClusterMembership.ReadAsync(redis)).Sum(t => t.ActiveSilos);
}
