using Sweeps.Cluster.Tests.Processes;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// The reference every scenario compares against: the same specs run uninterrupted in embedded
/// mode (`sweeps run SPEC --out DIR`, one process, no Redis), 10 and 14 trials per cell.
/// </summary>
public sealed class EmbeddedBaseline : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-baseline-").FullName;

    internal List<string> Rows10 { get; private set; } = [];

    internal List<string> Rows14 { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Rows10 = await RunAsync(10);
        Rows14 = await RunAsync(14);
    }

    private Task<List<string>> RunAsync(int trials) => RunAsync(_folder, $"small{trials}", Specs.Small(trials), TimeSpan.FromSeconds(120));

    /// <summary>Runs <paramref name="specText"/> embedded in <paramref name="folder"/> and returns its trials.csv rows without seconds.</summary>
    internal static async Task<List<string>> RunAsync(string folder, string name, string specText, TimeSpan timeout)
    {
        var spec = Path.Combine(folder, $"{name}.yaml");
        await File.WriteAllTextAsync(spec, specText);
        var output = Path.Combine(folder, name);
        using var client = ChildProcess.Start("embedded sweeps run", "dotnet", [RepositoryPaths.ClientDll, "run", spec, "--out", output]);
        var code = await client.WaitForExitAsync(timeout);
        Assert.True(code == 0, $"embedded run exited {code}:\n{client.Tail()}");
        return TrialsCsv.RowsWithoutSeconds(output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
