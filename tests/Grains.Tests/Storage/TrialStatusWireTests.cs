using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Storage;

/// <summary>
/// <see cref="TrialRecord.Status"/> is a <see cref="TrialStatus"/> whose wire form is the string every earlier release
/// stored (<see cref="TrialStatusCodec"/>): records in the old layout read as the new one and the other way round, byte for byte.
/// </summary>
public sealed class TrialStatusWireTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(TrialRecord).Assembly).AddAssembly(typeof(TrialStatusWireTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static TheoryData<TrialStatus> Statuses() => [.. Enum.GetValues<TrialStatus>()];

    private static TrialRecord Record(int trial, TrialStatus status) => new(
        "m=8;r=1", "flat-convex", trial, 12348UL + (ulong)trial, status, status == TrialStatus.Converged ? null : "a reason",
        2.5e-4, true, 1e-12, 3.5, 3.25, 0.01, 1, 42, 0.5, [new("norm_gap", 0.125)], 1e-9, true);

    /// <summary>The same record as the old layout held it: the status as the name the old code wrote (the same interned literal each time).</summary>
    private static StoredStringStatus Old(TrialRecord r) => new(
        r.CellKey, r.Method, r.Trial, r.Seed, r.Status.ToName(), r.Reason, r.RelError, r.Success, r.Loss, r.HessianTrace,
        r.FlatTraceAtTruth, r.BalanceGap, r.Rank, r.Iterations, r.Seconds, r.Extras, r.DualityGap, r.Certified);

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_record_writes_the_bytes_of_the_string_layout_and_each_layout_reads_the_other(TrialStatus status)
    {
        var record = Record(3, status);
        var old = Old(record);
        var newBytes = Serializer.SerializeToArray(record);
        var oldBytes = Serializer.SerializeToArray(old);
        Assert.Equal(oldBytes, newBytes);

        var read = Serializer.Deserialize<TrialRecord>(oldBytes)!;
        Assert.Equal(status, read.Status);
        Assert.Equal(record with { Extras = [] }, read with { Extras = [] });
        Assert.Equal(record.Extras.ToArray(), read.Extras.ToArray());

        var readOld = Serializer.Deserialize<StoredStringStatus>(newBytes)!;
        Assert.Equal(status.ToName(), readOld.Status);
        Assert.Equal(old with { Extras = [] }, readOld with { Extras = [] });
    }

    [Fact]
    public void A_cell_state_of_many_records_repeats_statuses_by_reference_exactly_as_the_string_layout_did()
    {
        // A cell grain stores its records in one dictionary: the second "converged" is written as a reference to the first.
        var statuses = Enum.GetValues<TrialStatus>();
        var records = Enumerable.Range(0, 3 * statuses.Length).ToDictionary(i => i, i => Record(i, statuses[i % statuses.Length]));
        var old = records.ToDictionary(p => p.Key, p => Old(p.Value));
        var newBytes = Serializer.SerializeToArray(records);
        var oldBytes = Serializer.SerializeToArray(old);
        Assert.Equal(oldBytes, newBytes);

        var read = Serializer.Deserialize<Dictionary<int, TrialRecord>>(oldBytes)!;
        Assert.Equal(records.Select(p => (p.Key, p.Value.Status)), read.Select(p => (p.Key, p.Value.Status)));
        var readOld = Serializer.Deserialize<Dictionary<int, StoredStringStatus>>(newBytes)!;
        Assert.Equal(old.Select(p => (p.Key, p.Value.Status)), readOld.Select(p => (p.Key, p.Value.Status)));
    }

    [Fact]
    public void An_unknown_status_on_the_wire_fails_naming_it()
    {
        var bytes = Serializer.SerializeToArray(Old(Record(0, TrialStatus.Converged)) with { Status = "exploded" });
        var error = Assert.Throws<SerializerException>(() => Serializer.Deserialize<TrialRecord>(bytes));
        Assert.Contains("'exploded'", error.Message, StringComparison.Ordinal);
        Assert.Contains("converged, iteration-limit, diverged, invalid-instance, method-error, timeout", error.Message, StringComparison.Ordinal);
    }
}
