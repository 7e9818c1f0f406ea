using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Sweeps;

public sealed class NumericalCoreSweepTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-core-").FullName;

    [Fact]
    public async Task Each_record_of_a_real_sweep_equals_a_direct_TrialRunner_run_with_the_same_seed()
    {
        await using var cluster = await SweepTestCluster.StartAsync(Path.Combine(_folder, "sweeps.db"), trialDelay: null);
        var cells = ImmutableArray.Create(4, 8).Select((m, i) => new CellDefinition(i, $"d=4;m={m};r=1",
            ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["d"] = 4, ["m"] = m, ["r"] = 1 }))).ToImmutableArray();
        var definition = new SweepDefinition("core", "symmetric-sensing", ["gd-random-init", "flat-penalty"], cells, 3, 11, 1e-3, null);

        var progress = await SweepTestCluster.RunToEndAsync(cluster.Client, definition);
        var records = await SweepTestCluster.ReadAllAsync(cluster.Client, "core");

        Assert.Equal((SweepStatus.Completed, 12L, 12L), (progress.Status, progress.Done, progress.Computed));
        Assert.Equal(12, records.Count);
        foreach (var record in records)
        {
            var cell = cells.Single(c => c.Key == record.CellKey);
            var seed = TrialSeed.Derive(11, cell.Parameters, record.Trial).Value;
            var direct = TrialRunner.Run(ParameterNames.ToTrialParameters(
                "symmetric-sensing", record.Method, cell.Parameters, new SuccessCriterion(1e-3), seed));
            var stored = direct with
            {
                Status = record.Status, Reason = record.Reason, RelError = record.RelError,
                Success = record.Success, Loss = record.Loss, HessianTrace = record.HessianTrace,
                FlatTraceAtTruth = record.FlatTraceAtTruth, BalanceGap = record.BalanceGap, Rank = record.Rank,
                Iterations = record.Iterations, Extras = record.Extras,
            };
            Assert.Equal(seed, record.Seed);
            Assert.True(direct.SameNumbersAs(stored), $"{record.CellKey}/{record.Method}/{record.Trial} differs from the direct run");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
