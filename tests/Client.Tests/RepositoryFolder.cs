namespace Sweeps.Client.Tests;

/// <summary>The repository the test binaries were built from (the folder above them holding examples/).</summary>
internal static class RepositoryFolder
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "examples")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException("examples/ not found above the test binaries.");
    }
}
