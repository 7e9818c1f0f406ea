using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Orleans.Storage;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting.Storage;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : SqliteStoreFolder
{
    private static TrialRecord Record(int trial, double error) => new(
        "m=8;r=1", "flat-convex", trial, 12345UL + (ulong)trial, TrialStatus.Converged, null, error, error < 1e-3, 1e-12, 3.5, 3.25,
        0.01, 1, 42, 0.5, [new KeyValuePair<string, double>("norm_gap", double.NaN)]);

    private static readonly GrainId Id = GrainId.Create("trial", "sweep/m=8;r=1/flat-convex/0");

    [Fact]
    public async Task State_round_trips_through_a_reopened_database()
    {
        var written = Record(7, 2.5e-4);
        using (var storage = Open())
            await storage.WriteStateAsync("trial", Id, new GrainState<TrialRecord>(written));

        using var reopened = Open();
        var read = new GrainState<TrialRecord>();
        await reopened.ReadStateAsync("trial", Id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.Equal(written with { Extras = [] }, read.State! with { Extras = [] });
        var extra = Assert.Single(read.State!.Extras);
        Assert.Equal("norm_gap", extra.Key);
        Assert.True(double.IsNaN(extra.Value));
    }

    [Fact]
    public async Task Missing_state_reads_as_no_record()
    {
        using var storage = Open();
        var read = new GrainState<TrialRecord>();
        await storage.ReadStateAsync("trial", Id, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Writes_with_a_stale_or_missing_etag_are_rejected_and_change_nothing()
    {
        using var storage = Open();
        var first = new GrainState<TrialRecord>(Record(0, 1.0));
        await storage.WriteStateAsync("trial", Id, first);
        var stale = new GrainState<TrialRecord>(Record(0, 2.0)) { ETag = first.ETag };
        first.State = Record(0, 3.0);
        await storage.WriteStateAsync("trial", Id, first);
        Assert.Equal("2", first.ETag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("trial", Id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("trial", Id, new GrainState<TrialRecord>(Record(0, 4.0))));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("trial", Id, stale));

        var read = new GrainState<TrialRecord>();
        await storage.ReadStateAsync("trial", Id, read);
        Assert.Equal(3.0, read.State!.RelError);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Clear_with_the_current_etag_deletes_and_a_fresh_write_starts_over()
    {
        using var storage = Open();
        var state = new GrainState<TrialRecord>(Record(0, 1.0));
        await storage.WriteStateAsync("trial", Id, state);
        await storage.ClearStateAsync("trial", Id, state);
        Assert.False(state.RecordExists);

        var read = new GrainState<TrialRecord>();
        await storage.ReadStateAsync("trial", Id, read);
        Assert.False(read.RecordExists);
        await storage.WriteStateAsync("trial", Id, new GrainState<TrialRecord>(Record(0, 5.0)));
        await storage.ReadStateAsync("trial", Id, read);
        Assert.Equal(("1", 5.0), (read.ETag, read.State!.RelError));
    }

    [Fact]
    public async Task Concurrent_writes_are_all_committed_when_acknowledged()
    {
        const int n = 2000;
        using (var storage = Open())
        {
            await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() =>
                storage.WriteStateAsync("trial", GrainId.Create("trial", $"k/{i}"), new GrainState<TrialRecord>(Record(i, i))))));

            // Acknowledged means committed: a separate connection already sees every row, before the store closes.
            using var check = new SqliteConnection($"Data Source={DbPath};Pooling=False");
            check.Open();
            using var count = check.CreateCommand();
            count.CommandText = "SELECT COUNT(*), SUM(etag) FROM grain_state WHERE state_name = 'trial'";
            using var reader = count.ExecuteReader();
            reader.Read();
            Assert.Equal((n, n), (reader.GetInt64(0), reader.GetInt64(1)));
        }

        using var reopened = Open();
        foreach (var i in new[] { 0, 999, n - 1 })
        {
            var read = new GrainState<TrialRecord>();
            await reopened.ReadStateAsync("trial", GrainId.Create("trial", $"k/{i}"), read);
            Assert.Equal((i, (double)i), (read.State!.Trial, read.State!.RelError));
        }
    }

    [Fact]
    public async Task States_of_different_names_or_grain_types_are_kept_apart()
    {
        using var storage = Open();
        var other = GrainId.Create("cell", Id.Key.ToString()!);
        await storage.WriteStateAsync("trial", Id, new GrainState<TrialRecord>(Record(1, 1.0)));
        await storage.WriteStateAsync("other", Id, new GrainState<TrialRecord>(Record(2, 2.0)));
        await storage.WriteStateAsync("trial", other, new GrainState<TrialRecord>(Record(3, 3.0)));
        var reads = new List<int>();
        foreach (var (name, id) in new[] { ("trial", Id), ("other", Id), ("trial", other) })
        {
            var read = new GrainState<TrialRecord>();
            await storage.ReadStateAsync(name, id, read);
            reads.Add(read.State!.Trial);
        }
        Assert.Equal([1, 2, 3], reads);
    }
}
