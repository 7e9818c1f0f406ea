using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting.Storage;

namespace Sweeps.Grains.Tests.Storage;

/// <summary>A fresh folder for one test's SQLite store, the Orleans serializer of the grain records, and clean-up.</summary>
public abstract class SqliteStoreFolder : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-sqlite-").FullName;

    protected Serializer Serializer { get; } = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(TrialRecord).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    protected string DbPath => Path.Combine(_folder, "state", "sweeps.db");

    protected SqliteGrainStorage Open() => new(new SqliteGrainStorageOptions(DbPath), Serializer);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
