using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting.Storage;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Storage;

/// <summary>The store's schema is created in a silo lifecycle stage, and its bytes are those earlier versions stored.</summary>
public sealed class SqliteGrainStorageLifecycleTests : SqliteStoreFolder
{
    private static readonly GrainId Id = GrainId.Create("trial", "sweep/m=8;r=1/flat-convex/0");

    private static TrialRecord Record() => new(
        "m=8;r=1", "flat-convex", 3, 12348UL, TrialStatus.Converged, null, 2.5e-4, true, 1e-12, 3.5, 3.25, 0.01, 1, 42, 0.5, []);

    [Fact]
    public async Task The_runtime_initialize_stage_creates_the_database_and_its_table()
    {
        using var storage = Open();
        var lifecycle = new RecordingLifecycle();
        storage.Participate(lifecycle);
        Assert.False(File.Exists(DbPath));

        var (stage, observer) = Assert.Single(lifecycle.Observers);
        Assert.Equal(ServiceLifecycleStage.RuntimeInitialize, stage);
        await observer.OnStart(CancellationToken.None);
        Assert.Equal(["grain_state"], Tables());
    }

    [Fact]
    public async Task A_state_is_stored_as_the_OrleansSerializer_bytes_earlier_versions_wrote_and_read()
    {
        var record = Record();
        using (var storage = Open())
            await storage.WriteStateAsync("trial", Id, new GrainState<TrialRecord>(record));

        // Release 1.0.0 stored Serializer.SerializeToArray(state): the stored blob must be exactly that.
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM grain_state";
        Assert.Equal(Serializer.SerializeToArray(record), (byte[])command.ExecuteScalar()!);
    }

    private string[] Tables()
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return [.. names];
    }

    /// <summary>Records what subscribes to which stage, so a test can run one stage by hand.</summary>
    private sealed class RecordingLifecycle : ISiloLifecycle
    {
        public List<(int Stage, ILifecycleObserver Observer)> Observers { get; } = [];
        public int HighestCompletedStage => 0;
        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Observers.Add((stage, observer));
            return new NoSubscription();
        }

        private sealed class NoSubscription : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
