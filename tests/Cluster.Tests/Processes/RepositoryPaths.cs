namespace Sweeps.Cluster.Tests.Processes;

/// <summary>The executables under test, built by the solution build: found from the test assembly's own bin folder (same configuration and framework).</summary>
internal static class RepositoryPaths
{
    private static readonly string Bin = AppContext.BaseDirectory;

    /// <summary>The repository root: the nearest folder above the test assembly holding Sweeps.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SiloDll => Executable("src/Silo", "sweeps-silo.dll");

    public static string ClientDll => Executable("src/Client", "sweeps.dll");

    private static string Executable(string project, string dll)
    {
        // tests/Cluster.Tests/bin/<Configuration>/<tfm>/ -> src/<Project>/bin/<Configuration>/<tfm>/
        var tfm = new DirectoryInfo(Bin).Name;
        var configuration = new DirectoryInfo(Bin).Parent!.Name;
        var path = Path.Combine(Root, project, "bin", configuration, tfm, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built at {path}; build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Bin); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sweeps.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no Sweeps.sln above {Bin}.");
    }
}
