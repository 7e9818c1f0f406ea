using System.Collections.Immutable;
using System.Text.Json;
using Parquet;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.Output;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sweeps-output-" + Guid.NewGuid().ToString("N"));

    private static readonly LoadedSpec Spec = SpecLoader.Load(
        "problem: general-sensing\nfixed: {d: 10, k: 4}\naxes: {r: [1, 2], m: [40, 60], alpha: [0.001]}\nmethods: [nuclear, flat-convex]\ntrials: 3\n",
        ToyCatalog.Instance);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static TrialRecord Record(string cell, string method, int trial, double error, bool success, params (string, double)[] extras) =>
        new(cell, method, trial, (ulong)(1000 + trial), TrialStatus.Converged, null, error, success, 1e-12, 30 + trial, 28, 0.01, 2, 150, 0.25,
            [.. extras.Select(e => new KeyValuePair<string, double>(e.Item1, e.Item2))]);

    private static List<TrialRecord> Records() =>
    [
        // Deliberately out of order: the table sorts by cell, method (spec order), trial.
        Record("alpha=0.001;m=60;r=2", "flat-convex", 1, 0.5, false, ("norm_gap", 0.25)),
        Record("alpha=0.001;m=40;r=1", "flat-convex", 0, 1e-9, true),
        Record("alpha=0.001;m=40;r=1", "nuclear", 2, 0.1 + 0.2, false, ("hutchinson_trace", 31.5)),
        Record("alpha=0.001;m=40;r=1", "nuclear", 0, 2e-7, true),
        Record("alpha=0.001;m=40;r=1", "nuclear", 1, double.NaN, false) with { Status = TrialStatus.Diverged, Reason = "step 3: loss = NaN, \"overflow\"" },
    ];

    [Fact]
    public void Trials_csv_has_the_contract_columns_then_sorted_extras_then_reason()
    {
        var table = TrialTable.Build(Spec.Definition, Records());
        var header = table.ToCsv().Split('\n')[0];
        Assert.Equal(
            "cell,trial,problem,method,d1,d2,r,k,m,p,noise,depth,seed,status,rel_error,success,loss,hessian_trace,flat_trace_at_truth," +
            "balance_gap,rank,iterations,seconds,alpha,hutchinson_trace,norm_gap,reason",
            header);
    }

    [Fact]
    public async Task Trials_csv_rows_are_sorted_with_empty_cells_for_values_that_do_not_apply()
    {
        await OutputFolder.WriteAsync(_folder, Spec, Records(), Manifest());
        var rows = TrialTable.ReadCsv(Path.Combine(_folder, OutputFolder.TrialsCsv));
        Assert.Equal(["0/nuclear/0", "0/nuclear/1", "0/nuclear/2", "0/flat-convex/0", "3/flat-convex/1"], rows.Select(r => $"{r["cell"]}/{r["method"]}/{r["trial"]}"));
        var first = rows[0];
        Assert.Equal(("10", "10", "1", "4", "40"), (first["d1"], first["d2"], first["r"], first["k"], first["m"]));
        Assert.Equal(("", "0", ""), (first["p"], first["noise"], first["depth"])); // effective noise: 0 when the spec sets none
        Assert.Equal(("0.001", "2E-07", "true", "1000"), (first["alpha"], first["rel_error"], first["success"], first["seed"]));
        Assert.Equal("", rows[1]["rel_error"]);
        Assert.Equal("step 3: loss = NaN, \"overflow\"", rows[1]["reason"]);
        Assert.Equal(0.1 + 0.2, double.Parse(rows[2]["rel_error"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("31.5", rows[2]["hutchinson_trace"]);
        Assert.Equal("", rows[0]["hutchinson_trace"]);
    }

    [Fact]
    public async Task Parquet_holds_the_same_columns_and_values_as_the_csv()
    {
        await OutputFolder.WriteAsync(_folder, Spec, Records(), Manifest());
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(_folder, OutputFolder.TrialsParquet));
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(TrialTable.Build(Spec.Definition, Records()).Columns.Select(c => c.Name), fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(5, group.RowCount);
        var errors = new double?[5];
        await group.ReadAsync<double>(fields.Single(f => f.Name == "rel_error"), errors.AsMemory());
        Assert.Equal([2e-7, null, 0.1 + 0.2, 1e-9, 0.5], errors);
    }

    [Fact]
    public void Cells_csv_header_is_cell_method_parameters_in_contract_order_then_statistics()
    {
        var header = CellTable.ToCsv(Spec.Definition, []).TrimEnd('\n');
        Assert.Equal("cell,method,d1,d2,r,k,m,alpha,trials,successes,success_rate,ci_low,ci_high,median_error,median_hessian_trace,median_seconds,median_error_over_noise," +
            "converged,iteration_limited,diverged,invalid_instance,method_error,timeout", header);
    }

    [Fact]
    public async Task Cells_csv_counts_trials_by_status_and_reads_files_written_before_those_columns()
    {
        List<TrialRecord> records =
        [
            .. Records(),
            Record("alpha=0.001;m=60;r=2", "flat-convex", 0, 0.02, false) with { Status = TrialStatus.IterationLimit },
            Record("alpha=0.001;m=60;r=2", "flat-convex", 2, 0.03, false) with { Status = TrialStatus.IterationLimit },
        ];
        var written = await OutputFolder.WriteAsync(_folder, Spec, records, Manifest());
        var path = Path.Combine(_folder, OutputFolder.CellsCsv);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var capped = written.Single(c => c.Cell == 3 && c.Method == "flat-convex");
        var row = lines[1 + written.IndexOf(capped)].Split(',');
        string Column(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal(("1", "2", "0"), (Column("converged"), Column("iteration_limited"), Column("diverged")));
        var nuclear = written.Single(c => c.Cell == 0 && c.Method == "nuclear");
        Assert.Equal("2 0 1 0 0 0", string.Join(" ", nuclear.StatusCounts));
        Assert.Equal(written.Select(c => string.Join(" ", c.StatusCounts)), CellTable.Read(path).Select(c => string.Join(" ", c.StatusCounts)));

        // A cells.csv of an earlier version ends at median_error_over_noise: it still reads, without counts.
        var statuses = CellTable.StatusColumns.Count;
        File.WriteAllLines(path, lines.Select(l => string.Join(',', l.Split(',')[..^statuses])));
        var old = CellTable.Read(path);
        Assert.Equal(written.Select(c => (c.Cell, c.Method, c.Trials, c.Successes)), old.Select(c => (c.Cell, c.Method, c.Trials, c.Successes)));
        Assert.All(old, c => Assert.Empty(c.StatusCounts));
    }

    [Fact]
    public async Task Cell_summaries_count_successes_take_medians_of_finite_values_and_read_back()
    {
        var written = await OutputFolder.WriteAsync(_folder, Spec, Records(), Manifest());
        Assert.Equal(4 * 2, written.Count);
        var nuclear = written.Single(c => c.Cell == 0 && c.Method == "nuclear");
        Assert.Equal((3, 1), (nuclear.Trials, nuclear.Successes));
        Assert.Equal((2e-7 + 0.3) / 2, nuclear.MedianError, 15);  // NaN of the diverged trial left out
        Assert.Equal(31, nuclear.MedianHessianTrace);
        var empty = written.Single(c => c.Cell == 1 && c.Method == "nuclear");
        Assert.Equal(0, empty.Trials);
        Assert.True(double.IsNaN(empty.SuccessRate));

        var read = CellTable.Read(Path.Combine(_folder, OutputFolder.CellsCsv));
        Assert.Equal(written.Count, read.Count);
        foreach (var (w, r) in written.Zip(read))
        {
            Assert.Equal((w.Cell, w.Method, w.Trials, w.Successes), (r.Cell, r.Method, r.Trials, r.Successes));
            Assert.Equal(string.Join(";", w.Parameters), string.Join(";", r.Parameters));
            Assert.Equal(
                new[] { w.SuccessRate, w.CiLow, w.CiHigh, w.MedianError, w.MedianHessianTrace, w.MedianSeconds },
                new[] { r.SuccessRate, r.CiLow, r.CiHigh, r.MedianError, r.MedianHessianTrace, r.MedianSeconds });
        }
    }

    [Fact]
    public async Task Summary_and_manifest_are_json_with_the_documented_fields()
    {
        await OutputFolder.WriteAsync(_folder, Spec, Records(), Manifest());
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, OutputFolder.Summary)));
        var root = summary.RootElement;
        Assert.Equal(Spec.SweepId, root.GetProperty("sweep_id").GetString());
        Assert.Equal(4 * 2 * 3, root.GetProperty("trials_planned").GetInt64());
        var nuclear = root.GetProperty("methods").GetProperty("nuclear");
        Assert.Equal(1, nuclear.GetProperty("successes").GetInt32());
        Assert.Equal(2, nuclear.GetProperty("status_counts").GetProperty("converged").GetInt32());
        Assert.Equal(1, nuclear.GetProperty("status_counts").GetProperty("diverged").GetInt32());
        Assert.Equal((2e-7 + 0.3) / 2, nuclear.GetProperty("median_error").GetDouble(), 15);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, OutputFolder.Manifest)));
        Assert.Equal(12, manifest.RootElement.GetProperty("trials_reused").GetInt64());
        Assert.Equal("10.4.2", manifest.RootElement.GetProperty("orleans_version").GetString());
        Assert.Equal(Spec.NormalizedText, await File.ReadAllTextAsync(Path.Combine(_folder, OutputFolder.Spec)));
    }

    [Fact]
    public async Task Atomic_writes_leave_no_temporary_files_and_a_failed_write_keeps_the_old_file()
    {
        await OutputFolder.WriteAsync(_folder, Spec, Records(), Manifest());
        Assert.Equal(
            [OutputFolder.CellsCsv, OutputFolder.Manifest, OutputFolder.Spec, OutputFolder.Summary, TransitionTable.File, OutputFolder.TrialsCsv, OutputFolder.TrialsParquet],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var target = Path.Combine(_folder, OutputFolder.Spec);
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(target, async s =>
        {
            await s.WriteAsync("half a fi"u8.ToArray());
            throw new IOException("disk full");
        }));
        Assert.Equal(Spec.NormalizedText, await File.ReadAllTextAsync(target));
        Assert.Empty(Directory.GetFiles(_folder, "*" + AtomicFile.TempSuffix));
    }

    private static RunManifest Manifest() =>
        new("0.1.0", "10.0.0", "10.4.2", Spec.SweepId, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(5), 24, 12, 12, 5);
}
