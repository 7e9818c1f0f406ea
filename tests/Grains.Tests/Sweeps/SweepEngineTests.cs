using Orleans.TestingHost;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>One 2-silo cluster on a SQLite file, shared by the tests of this class (each uses its own sweep id).</summary>
public sealed class SweepEngineFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("sweeps-engine-").FullName;
    internal InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Trials take 10 ms, like tiny real ones.
        Cluster = await SweepTestCluster.StartAsync(Path.Combine(Folder, "sweeps.db"), TimeSpan.FromMilliseconds(10));
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class SweepEngineTests(SweepEngineFixture fixture) : IClassFixture<SweepEngineFixture>
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Every_trial_runs_exactly_once_spread_over_both_silos_and_its_record_is_what_the_evaluator_returns()
    {
        var definition = SweepTestCluster.Definition("once", [10, 20, 30, 40], ["plain", SyntheticEvaluator.FailingMethod], 25);
        var progress = await SweepTestCluster.RunToEndAsync(Grains, definition);
        var records = await SweepTestCluster.ReadAllAsync(Grains, "once");

        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal((200L, 200L, 200L, 0L), (progress.Total, progress.Done, progress.Computed, progress.Reused));
        Assert.Equal(200, records.Select(r => (r.CellKey, r.Method, r.Trial)).Distinct().Count());
        Assert.Equal(records.Count(r => r.Success), progress.Successes);
        Assert.Equal(records.Count(r => r.Status == TrialStatus.Diverged), progress.Diverged);
        Assert.Equal(records.Count(r => r.Method == "plain"), progress.Methods.Single(m => m.Method == "plain").Done);

        var cells = definition.Cells.ToDictionary(c => c.Key);
        var failures = 0;
        foreach (var record in records)
        {
            var cell = cells[record.CellKey];
            var seed = TrialSeed.Derive(definition.Seed, cell.Parameters, record.Trial).Value;
            Assert.Equal(seed, record.Seed);
            var parameters = ParameterNames.ToTrialParameters(definition.Problem, record.Method, cell.Parameters, new SuccessCriterion(0.5), seed);
            if (SyntheticEvaluator.Fails(parameters))
            {
                failures++;
                Assert.Equal((TrialStatus.Diverged, false), (record.Status, record.Success));
                Assert.Equal($"InvalidOperationException: synthetic failure of seed {seed}", record.Reason);
                continue;
            }
            var expected = SyntheticEvaluator.Expected(parameters);
            Assert.Equal(expected.Status, record.Status);
            Assert.Equal(
                (expected.RelError, expected.Success, expected.Loss, expected.HessianTrace, expected.FlatTraceAtTruth, expected.BalanceGap, expected.Rank, expected.Iterations),
                (record.RelError, record.Success, record.Loss, record.HessianTrace, record.FlatTraceAtTruth, record.BalanceGap, record.Rank, record.Iterations));
            Assert.Equal(expected.Extras, record.Extras);
        }
        Assert.InRange(failures, 1, 99);

        var keys = records.Select(r => (r.Seed, r.Method)).ToHashSet();
        var perSilo = SweepTestCluster.Evaluators(fixture.Cluster)
            .Select(e => e.Evaluations.Where(kv => keys.Contains(kv.Key)).ToList()).ToList();
        Assert.All(perSilo, evaluations => Assert.NotEmpty(evaluations));
        Assert.Equal(200, perSilo.Sum(e => e.Count));
        Assert.All(perSilo.SelectMany(e => e), kv => Assert.Equal(1, kv.Value));
    }

    [Fact]
    public async Task Starting_a_completed_sweep_again_recomputes_nothing()
    {
        var definition = SweepTestCluster.Definition("again", [10, 20], ["plain"], 10);
        var first = await SweepTestCluster.RunToEndAsync(Grains, definition);
        var evaluations = EvaluationCount();

        var second = await SweepTestCluster.RunToEndAsync(Grains, definition);

        Assert.Equal((SweepStatus.Completed, 20L, 20L), (first.Status, first.Done, first.Computed));
        Assert.Equal(first with { Methods = [] }, second with { Methods = [] });
        Assert.Equal(first.Methods.AsEnumerable(), second.Methods.AsEnumerable());
        Assert.Equal(evaluations, EvaluationCount());
    }

    [Fact]
    public async Task Extending_a_sweep_computes_only_the_new_trials_and_reuses_the_stored_ones()
    {
        var small = SweepTestCluster.Definition("grow", [10, 20], ["plain"], 5);
        await SweepTestCluster.RunToEndAsync(Grains, small);
        var evaluations = EvaluationCount();

        var large = SweepTestCluster.Definition("grow", [10, 20, 30], ["plain", SyntheticEvaluator.FailingMethod], 8);
        var progress = await SweepTestCluster.RunToEndAsync(Grains, large);
        var records = await SweepTestCluster.ReadAllAsync(Grains, "grow");

        Assert.Equal((SweepStatus.Completed, 48L, 10L, 38L), (progress.Status, progress.Done, progress.Reused, progress.Computed));
        Assert.Equal(evaluations + 38, EvaluationCount());
        Assert.Equal(48, records.Select(r => (r.CellKey, r.Method, r.Trial)).Distinct().Count());
    }

    [Fact]
    public async Task A_definition_with_another_seed_is_rejected()
    {
        var definition = SweepTestCluster.Definition("seeded", [10], ["plain"], 2);
        await SweepTestCluster.RunToEndAsync(Grains, definition);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grains.SubmitAsync(definition with { Seed = 8 }));
        Assert.StartsWith("seed:", error.Message, StringComparison.Ordinal);
    }

    private int EvaluationCount() => SweepTestCluster.Evaluators(fixture.Cluster).Sum(e => e.Evaluations.Values.Sum());
}
