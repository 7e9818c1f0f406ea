using Parquet;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.Output;

/// <summary>trials.csv / Parquet carry duality_gap and certified right after the leading columns once a trial has a certificate; other trials leave them empty.</summary>
public sealed class CertificateColumnsTests
{
    private static readonly LoadedSpec Spec = SpecLoader.Load(
        "problem: general-sensing\nfixed: {d: 10, k: 4, r: 1, m: 40}\nmethods: [nuclear, gd-small-init]\ntrials: 2\n", ToyCatalog.Instance);

    private static TrialRecord Record(string method, int trial, double? gap, bool? certified) =>
        new(Spec.Definition.Cells[0].Key, method, trial, (ulong)trial, TrialStatus.Converged, null, 1e-9, true, 0, 1, 1, 0, 1, 10, 0.1, [], gap, certified);

    private static readonly TrialRecord[] Records =
        [Record("nuclear", 0, 2e-15, true), Record("nuclear", 1, 0.5, false), Record("gd-small-init", 0, null, null)];

    [Fact]
    public void Certificate_columns_follow_the_leading_ones_and_are_empty_for_nonconvex_trials()
    {
        var table = TrialTable.Build(Spec.Definition, Records);
        var names = table.Columns.Select(c => c.Name).ToList();
        Assert.Equal(TrialTable.Leading, names.Take(TrialTable.Leading.Count));
        Assert.Equal(TrialTable.Certificate, names.Skip(TrialTable.Leading.Count).Take(2));
        Assert.Equal("reason", names[^1]);

        var lines = table.ToCsv().Split('\n');
        int gap = names.IndexOf("duality_gap"), certified = names.IndexOf("certified");
        string[] Fields(int row) => lines[row + 1].Split(',');
        Assert.Equal(("2E-15", "true"), (Fields(0)[gap], Fields(0)[certified]));
        Assert.Equal(("0.5", "false"), (Fields(1)[gap], Fields(1)[certified]));
        Assert.Equal(("", ""), (Fields(2)[gap], Fields(2)[certified]));
    }

    [Fact]
    public async Task Parquet_stores_certified_as_an_optional_boolean()
    {
        using var stream = new MemoryStream();
        await TrialTable.Build(Spec.Definition, Records).WriteParquetAsync(stream);
        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.GetDataFields().Single(f => f.Name == "certified");
        using var group = reader.OpenRowGroupReader(0);
        var values = new bool?[3];
        await group.ReadAsync<bool>(field, values.AsMemory());
        Assert.Equal([true, false, null], values);
    }

    [Fact]
    public void A_table_without_convex_trials_has_no_certificate_columns()
    {
        var table = TrialTable.Build(Spec.Definition, [Record("gd-small-init", 0, null, null)]);
        Assert.DoesNotContain("certified", table.Columns.Select(c => c.Name));
    }
}
