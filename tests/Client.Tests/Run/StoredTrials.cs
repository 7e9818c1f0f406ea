using Microsoft.Data.Sqlite;

namespace Sweeps.Client.Tests.Run;

/// <summary>Finished trials committed to a run's SQLite store, read while the run may still be writing it.</summary>
internal static class StoredTrials
{
    /// <summary>The stored trial records of the output folder (0 before the store or its schema exists).</summary>
    public static long In(string folder)
    {
        var path = Path.Combine(folder, "state", "sweeps.db");
        if (!File.Exists(path)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM grain_state WHERE state_name = 'trial'";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not created yet
        }
    }
}
