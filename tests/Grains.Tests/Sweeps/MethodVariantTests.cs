using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>
/// Method variants (a method with its own parameters, issue #4) through the engine: each record equals a direct
/// TrialRunner run with the variant's parameters over the cell's and the cell's seed; a stored sweep refuses a
/// method whose parameters changed; definitions stored before variants existed still read and hash as before.
/// </summary>
public sealed class MethodVariantTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-variants-").FullName;

    private static readonly ImmutableArray<CellDefinition> Cells = [.. new[] { 6, 10 }.Select((m, i) => new CellDefinition(i, $"m={m}",
        ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["d"] = 4, ["m"] = m, ["r"] = 1, ["max_iters"] = 400 })))];

    private static MethodVariant Gd(double alpha) => new(
        $"gd-small-init[alpha={alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}]", "gd-small-init",
        ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["alpha"] = alpha, ["max_iters"] = 3000 }));

    private static SweepDefinition Definition(params MethodVariant[] variants) => new(
        "variants", "symmetric-sensing", ["nuclear", .. variants.Select(v => v.Label)], Cells, 2, 5, 1e-3, null, [.. variants]);

    [Fact]
    public async Task Each_variant_runs_its_own_parameters_on_the_cell_instance_and_a_changed_variant_is_refused()
    {
        await using var cluster = await SweepTestCluster.StartAsync(Path.Combine(_folder, "sweeps.db"), trialDelay: null);
        var definition = Definition(Gd(0.5), Gd(1e-3));

        var progress = await SweepTestCluster.RunToEndAsync(cluster.Client, definition);
        var records = await SweepTestCluster.ReadAllAsync(cluster.Client, "variants");

        Assert.Equal((SweepStatus.Completed, 12L), (progress.Status, progress.Computed));
        foreach (var record in records)
        {
            var cell = Cells.Single(c => c.Key == record.CellKey);
            var variant = definition.Variant(record.Method);
            var seed = TrialSeed.Derive(5, cell.Parameters, record.Trial).Value;
            var direct = TrialRunner.Run(ParameterNames.ToTrialParameters(
                "symmetric-sensing", variant?.Method ?? record.Method, variant?.Apply(cell.Parameters) ?? cell.Parameters, new SuccessCriterion(1e-3), seed));
            Assert.Equal(seed, record.Seed);
            Assert.Equal((direct.RelError, direct.Iterations), (record.RelError, record.Iterations));
        }
        // The variants differ only in alpha: their trials see the same instances but take different paths.
        var small = records.Where(r => r.Method == Gd(1e-3).Label).OrderBy(r => (r.CellKey, r.Trial)).ToList();
        var large = records.Where(r => r.Method == Gd(0.5).Label).OrderBy(r => (r.CellKey, r.Trial)).ToList();
        Assert.Equal(small.Select(r => r.Seed), large.Select(r => r.Seed));
        Assert.NotEqual(small.Select(r => r.Iterations), large.Select(r => r.Iterations));

        var changed = Definition(Gd(0.5), Gd(1e-3) with { Parameters = Gd(1e-3).Parameters.SetItem("max_iters", 10) });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Client.SubmitAsync(changed));
        Assert.StartsWith("methods: 'gd-small-init[alpha=0.001]' changed its parameters", error.Message, StringComparison.Ordinal);
        // A new variant beside the stored ones extends the sweep.
        Assert.Null(SweepDefinitions.Incompatibility(definition, Definition(Gd(0.5), Gd(1e-3), Gd(0.05))));
    }

    [Fact]
    public void Fingerprint_ignores_an_absent_variant_list_and_follows_variant_parameters()
    {
        var plain = new SweepDefinition("plain", "symmetric-sensing", ["nuclear"], Cells, 2, 5, 1e-3, null);
        Assert.True(plain.Variants.IsDefault);
        Assert.Equal(SweepDefinitions.Fingerprint(plain), SweepDefinitions.Fingerprint(plain with { Variants = [] }));
        var a = Definition(Gd(0.5));
        var b = Definition(Gd(0.5) with { Parameters = Gd(0.5).Parameters.SetItem("max_iters", 10) });
        Assert.NotEqual(SweepDefinitions.Fingerprint(a), SweepDefinitions.Fingerprint(b));
        Assert.NotEqual(SweepDefinitions.Fingerprint(plain), SweepDefinitions.Fingerprint(plain with { Variants = [new MethodVariant("nuclear", "nuclear", Gd(1).Parameters)] }));
        Assert.Contains(SweepDefinitions.Validate(a with { Variants = [Gd(2)] }, "variants"), e => e.StartsWith("variants: 'gd-small-init[alpha=2]'", StringComparison.Ordinal));
    }

    [Fact]
    public void Definitions_and_work_round_trip_and_a_definition_stored_without_variants_reads_back_without_them()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(SweepDefinition).Assembly).AddAssembly(typeof(MethodVariantTests).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var definition = Definition(Gd(0.5), Gd(1e-3));
        var copy = serializer.Deserialize<SweepDefinition>(serializer.SerializeToArray(definition))!;
        Assert.Equal(definition.Methods.ToArray(), copy.Methods.ToArray());
        Assert.Equal(definition.Variants.Select(Describe), copy.Variants.Select(Describe));
        var work = new TrialWork("p", Gd(0.5).Label, "m=6", Cells[0].Parameters, 5, 1e-3, null, Gd(0.5));
        var workCopy = serializer.Deserialize<TrialWork>(serializer.SerializeToArray(work))!;
        Assert.Equal(("gd-small-init", 0.5, 3000.0, 6.0), (workCopy.MethodName, workCopy.RunParameters["alpha"], workCopy.RunParameters["max_iters"], workCopy.RunParameters["m"]));

        var old = new StoredBeforeVariants("old", "symmetric-sensing", ["nuclear"], Cells, 2, 5, 1e-3, null);
        var read = serializer.Deserialize<SweepDefinition>(serializer.SerializeToArray(old))!;
        var expected = new SweepDefinition("old", "symmetric-sensing", ["nuclear"], Cells, 2, 5, 1e-3, null);
        Assert.Null(read.Variant("nuclear"));
        Assert.Equal(SweepDefinitions.Fingerprint(expected), SweepDefinitions.Fingerprint(read));
    }

    private static string Describe(MethodVariant v) => $"{v.Label}|{v.Method}|{string.Join(';', v.Parameters)}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
