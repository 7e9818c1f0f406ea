using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sweeps.Client.Output;

namespace Sweeps.Client.Tests.Run;

/// <summary>
/// A sweep stored by release 1.0.0 (Fixtures/store-1.0.0: its SQLite store and its trials.csv) is
/// read by this build: extending it to 3 trials a cell in that folder reuses every stored trial
/// (read back from the cell grains' state) and reports the same values. It fails when a grain type name, a state name or a stored record's
/// serialized form changes, since then the stored results would silently be recomputed or lost.
/// </summary>
public sealed class StoredSweepCompatibilityTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-1.0.0");
    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-stored-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_sweep_stored_by_release_1_0_0_is_reused_whole_with_its_values()
    {
        var folder = Path.Combine(_root, "out");
        Directory.CreateDirectory(Path.Combine(folder, "state"));
        File.Copy(Path.Combine(Fixture, "state", "sweeps.db"), Path.Combine(folder, "state", "sweeps.db"));

        var result = SweepsProcess.Run(TimeSpan.FromMinutes(2), "run", Path.Combine(Fixture, "spec.yaml"), "--out", folder, "--trials", "3");
        Assert.True(result.ExitCode == 0, result.Error);

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, OutputFolder.Manifest))))
        {
            Assert.Equal(8, manifest.RootElement.GetProperty("trials_reused").GetInt64());
            Assert.Equal(4, manifest.RootElement.GetProperty("trials_computed").GetInt64());
        }
        // No state under any other grain type or state name appeared: a renamed grain would have
        // started empty beside its stored state (its trials then reused only by chance, through the trial grains).
        Assert.Equal(StateRows(Path.Combine(Fixture, "state", "sweeps.db")), StateRows(Path.Combine(folder, "state", "sweeps.db")));

        // Columns added since 1.0.0 are left out; every column it had keeps its values.
        var stored = Table(Path.Combine(Fixture, OutputFolder.TrialsCsv));
        var now = Table(Path.Combine(folder, OutputFolder.TrialsCsv)).Where(row => row["trial"] != "2").ToList();
        Assert.Equal(stored.Count, now.Count);
        for (var row = 0; row < stored.Count; row++)
            foreach (var (column, value) in stored[row])
                Assert.True(now[row].TryGetValue(column, out var current) && current == value,
                    $"row {row}, column {column}: stored {value}, now {(current ?? "missing")}");
    }

    /// <summary>(grain type, state name) and how many rows, trial grains aside (the run added 4 of them).</summary>
    private static List<string> StateRows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, state_name, COUNT(*) FROM grain_state WHERE grain_type <> 'trial' GROUP BY 1, 2 ORDER BY 1, 2";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add($"{reader.GetString(0)}/{reader.GetString(1)}: {reader.GetInt64(2)}");
        return rows;
    }

    private static List<Dictionary<string, string>> Table(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
