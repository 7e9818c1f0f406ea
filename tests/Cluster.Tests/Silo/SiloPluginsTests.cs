using Sweeps.Cluster.Tests.Processes;
using Sweeps.Numerics.Tests.Plugins;
using Sweeps.Silo;

namespace Sweeps.Cluster.Tests.Silo;

/// <summary>The silo's plugin folder (issue #16): --plugins or SWEEPS_PLUGINS, loaded before start-up; a bad folder stops the silo with exit 2.</summary>
public sealed class SiloPluginsTests
{
    [Fact]
    public void The_plugin_folder_comes_from_the_flag_or_the_variable_and_the_flag_wins()
    {
        Assert.Null(SiloSettings.Read(["--redis", "localhost:6379"], _ => null).Plugins);
        Assert.Equal("/opt/plugins", SiloSettings.Read(["--redis", "localhost:6379"], v => v == "SWEEPS_PLUGINS" ? "/opt/plugins" : null).Plugins);
        Assert.Equal("/mine", SiloSettings.Read(["--redis", "localhost:6379", "--plugins", "/mine"], v => v == "SWEEPS_PLUGINS" ? "/opt/plugins" : null).Plugins);
    }

    [Fact]
    public async Task A_silo_logs_the_plugins_it_loads_and_exits_2_on_a_folder_it_cannot_load()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "sweeps-no-such-plugin-folder");
        using (var bad = ChildProcess.Start("silo with a bad plugin folder", "dotnet", [RepositoryPaths.SiloDll, "--redis", "127.0.0.1:1", "--plugins", nowhere]))
        {
            Assert.Equal(2, await bad.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"sweeps-silo: plugins: '{nowhere}' is not a folder", bad.Output, StringComparison.Ordinal);
        }

        // A good folder: the plugin is loaded and named, then the unreachable Redis stops the silo (exit 1, after its ~20 s check).
        using var good = ChildProcess.Start("silo with the sample plugin", "dotnet",
            [RepositoryPaths.SiloDll, "--redis", "127.0.0.1:1", "--plugins", SamplePluginFolder.Path()]);
        Assert.Equal(1, await good.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains("sweeps-silo: plugin SamplePlugin (sha256 ", good.Output, StringComparison.Ordinal);
        Assert.Contains(": heavy-ball", good.Output, StringComparison.Ordinal);
    }
}
