using Microsoft.Data.Sqlite;

namespace Sweeps.Client.Tests.Run;

/// <summary>Finished trials committed to a run's SQLite store, read while the run may still be writing it.</summary>
internal static class StoredTrials
{
    /// <summary>
    /// Kills <paramref name="process"/> with SIGKILL (its whole tree: no chance to flush or clean up) once the run has
    /// committed at least <paramref name="count"/> trials into <paramref name="folder"/>; fails if it ends or stalls first.
    /// </summary>
    public static void KillOnceStored(System.Diagnostics.Process process, string folder, long count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (In(folder) < count)
        {
            Assert.False(process.HasExited, "the sweep finished (or failed) before it could be killed; make it longer");
            Assert.True(DateTime.UtcNow < deadline, "the sweep made no progress in 2 minutes");
            Thread.Sleep(50);
        }
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

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
