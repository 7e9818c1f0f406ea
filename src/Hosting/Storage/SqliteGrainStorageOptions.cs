namespace Sweeps.Hosting.Storage;

/// <summary>
/// Where and how durably the SQLite grain store writes. WAL with synchronous=NORMAL (the default)
/// survives a killed process: a committed transaction is in the WAL file before the write is
/// acknowledged. <see cref="SynchronousFull"/> also survives power loss, at an fsync per commit.
/// </summary>
public sealed record SqliteGrainStorageOptions(string Path)
{
    public bool SynchronousFull { get; init; }

    /// <summary>Most writes committed in one transaction (the write-behind batch).</summary>
    public int MaxBatch { get; init; } = 1024;
}
