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

    private async Task<List<string>> RunAsync(int trials)
    {
        var spec = Path.Combine(_folder, $"spec{trials}.yaml");
        await File.WriteAllTextAsync(spec, Specs.Small(trials));
        var output = Path.Combine(_folder, $"out{trials}");
        using var client = ChildProcess.Start("embedded sweeps run", "dotnet", [RepositoryPaths.ClientDll, "run", spec, "--out", output]);
        var code = await client.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(code == 0, $"embedded run exited {code}:\n{client.Tail()}");
        return TrialsCsv.RowsWithoutSeconds(output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
