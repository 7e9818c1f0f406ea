namespace Sweeps.Hosting;

/// <summary>
/// Where sweep, cell and trial grains persist. Memory loses everything with the silo (tests, demos);
/// Sqlite is the durable embedded store (one file, one machine).
/// </summary>
public enum SweepsStorageKind
{
    Memory,
    Sqlite,
}
