using Sweeps.Grains;

namespace Sweeps.Hosting;

/// <summary>Everything a silo of Sweeps is configured with: storage and engine tuning. Silo and CLI both pass it to <see cref="SweepsSiloBuilderExtensions.UseSweeps"/>.</summary>
public sealed record SweepsSiloOptions
{
    public SweepsStorageKind Storage { get; init; } = SweepsStorageKind.Memory;

    /// <summary>The SQLite database file (required with <see cref="SweepsStorageKind.Sqlite"/>).</summary>
    public string? SqlitePath { get; init; }

    /// <summary>fsync every commit (survives power loss), instead of surviving a killed process only.</summary>
    public bool SqliteSynchronousFull { get; init; }

    /// <summary>The StackExchange.Redis connection string (required with <see cref="SweepsStorageKind.Redis"/>).</summary>
    public string? RedisConnection { get; init; }

    public SweepsEngineOptions Engine { get; init; } = new();
}
