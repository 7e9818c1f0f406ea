using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>
/// A cell's own trial count (<see cref="CellDefinition.Trials"/>, set by adaptive rounds): the engine runs exactly
/// that many trials of the cell, raising it computes only the new indices, lowering it is refused, and a
/// definition that sets none hashes as before.
/// </summary>
public sealed class CellTrialsTests(SweepEngineFixture fixture) : IClassFixture<SweepEngineFixture>
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static SweepDefinition WithTrials(SweepDefinition d, params int?[] trials) =>
        d with { Cells = [.. d.Cells.Select((c, i) => c with { Trials = trials[i] })] };

    [Fact]
    public async Task Each_cell_runs_its_own_trials_and_raising_them_computes_only_the_new_indices()
    {
        var plain = SweepTestCluster.Definition("per-cell", [10, 20, 30], ["plain", SyntheticEvaluator.FailingMethod], 4);
        var first = WithTrials(plain, null, 7, 1);
        var progress = await SweepTestCluster.RunToEndAsync(Grains, first);
        Assert.Equal((SweepStatus.Completed, 2L * (4 + 7 + 1), 0L), (progress.Status, progress.Computed, progress.Reused));

        var raised = WithTrials(plain, 6, 7, 3);
        progress = await SweepTestCluster.RunToEndAsync(Grains, raised);
        var records = await SweepTestCluster.ReadAllAsync(Grains, "per-cell");

        Assert.Equal((2L * 16, 2L * (2 + 0 + 2), 2L * 12), (progress.Total, progress.Computed, progress.Reused));
        var perCell = records.GroupBy(r => r.CellKey).ToDictionary(g => g.Key, g => g.Select(r => r.Trial).Distinct().Order().ToList());
        Assert.Equal(Enumerable.Range(0, 6), perCell["d=4;m=10;r=1"]);
        Assert.Equal(Enumerable.Range(0, 7), perCell["d=4;m=20;r=1"]);
        Assert.Equal(Enumerable.Range(0, 3), perCell["d=4;m=30;r=1"]);
    }

    [Fact]
    public async Task Lowering_a_cells_own_trials_is_refused_naming_the_cell()
    {
        var plain = SweepTestCluster.Definition("per-cell-lower", [10, 20], ["plain"], 2);
        await SweepTestCluster.RunToEndAsync(Grains, WithTrials(plain, 5, null));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grains.SubmitAsync(WithTrials(plain, 4, null)));
        Assert.StartsWith("cells: cell 'd=4;m=10;r=1' would go from 5 to 4 trials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_is_unchanged_without_cell_trials_and_follows_them()
    {
        var plain = SweepTestCluster.Definition("hash", [10, 20], ["plain"], 3);
        Assert.Equal(SweepDefinitions.Fingerprint(plain), SweepDefinitions.Fingerprint(WithTrials(plain, null, null)));
        Assert.NotEqual(SweepDefinitions.Fingerprint(plain), SweepDefinitions.Fingerprint(WithTrials(plain, 3, null)));
        Assert.NotEqual(SweepDefinitions.Fingerprint(WithTrials(plain, 4, null)), SweepDefinitions.Fingerprint(WithTrials(plain, 5, null)));
        Assert.Equal(6, plain.TotalTrials);
        Assert.Equal(3 + 9, WithTrials(plain, null, 9).TotalTrials);
    }
}
