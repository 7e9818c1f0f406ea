namespace Sweeps.Numerics.Tests.Plugins;

/// <summary>The build output of examples/plugins/SamplePlugin (built with the tests, same configuration): the folder to give --plugins.</summary>
internal static class SamplePluginFolder
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Path()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(System.IO.Path.Combine(folder.FullName, "examples")))
            folder = folder.Parent;
        var plugins = System.IO.Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("examples/ not found above the test binaries."),
            "examples", "plugins", "SamplePlugin", "bin", Configuration);
        Assert.True(File.Exists(System.IO.Path.Combine(plugins, "SamplePlugin", "SamplePlugin.dll")), $"SamplePlugin is not built under {plugins}");
        return plugins;
    }
}
