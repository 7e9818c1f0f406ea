namespace Sweeps.Hosting;

/// <summary>
/// Where sweep, cell and trial grains persist. Memory loses everything with the silo (tests, demos);
/// Sqlite is the durable embedded store (one file, one machine); Redis is the cluster store
/// (shared by every silo; the only kind cluster mode allows).
/// </summary>
public enum SweepsStorageKind
{
    Memory,
    Sqlite,
    Redis,
}
