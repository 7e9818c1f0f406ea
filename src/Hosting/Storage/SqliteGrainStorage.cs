using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using Orleans.Storage;

namespace Sweeps.Hosting.Storage;

/// <summary>
/// Orleans grain storage in one SQLite table keyed by (grain type, grain key, state name), state
/// serialized by an <see cref="IGrainStorageSerializer"/> (Orleans' binary serializer unless configured:
/// the bytes every earlier version stored). ETags are row versions (1, 2, ...): a write or clear whose
/// ETag differs from the stored one throws <see cref="InconsistentStateException"/>; a null ETag means
/// "no record yet". Writes go through one writer thread that commits every queued write in a single
/// transaction (group commit) and completes each write only after that commit. Reads run on pooled
/// read connections, concurrently with the writer (WAL). The database and its schema are created in the
/// silo's <see cref="ServiceLifecycleStage.RuntimeInitialize"/> stage, so a bad path stops the silo at
/// start-up; used outside a silo (tests, tools) the first operation creates them.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const string Table = "grain_state";
    private readonly SqliteGrainStorageOptions _options;
    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly int _maxBatch;
    private readonly Lazy<Task> _schema;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private SqliteConnection? _writer;
    private Thread? _writeThread;

    /// <summary>With Orleans' binary serializer (<see cref="OrleansGrainStorageSerializer"/>).</summary>
    public SqliteGrainStorage(SqliteGrainStorageOptions options, Serializer serializer)
        : this(options, new OrleansGrainStorageSerializer(serializer))
    {
    }

    public SqliteGrainStorage(SqliteGrainStorageOptions options, IGrainStorageSerializer serializer)
    {
        _options = options;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = options.Path, Pooling = false, DefaultTimeout = 60 }.ToString();
        _serializer = serializer;
        _maxBatch = Math.Max(1, options.MaxBatch);
        _schema = new Lazy<Task>(CreateSchemaAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteGrainStorage), ServiceLifecycleStage.RuntimeInitialize, _ => _schema.Value);

    /// <summary>Creates the folder, the database (WAL) and its table, then starts the writer thread; runs once.</summary>
    private async Task CreateSchemaAsync()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_options.Path))!);
        var writer = await OpenAsync();
        await ExecuteAsync(writer, $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {(_options.SynchronousFull ? "FULL" : "NORMAL")};
            CREATE TABLE IF NOT EXISTS {Table} (
                grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL,
                etag INTEGER NOT NULL, data BLOB NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)) WITHOUT ROWID;
            """);
        _writer = writer;
        _writeThread = new Thread(WriteLoop) { IsBackground = true, Name = "sweeps-sqlite-writer" };
        _writeThread.Start();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _schema.Value;
        if (!_readers.TryTake(out var connection))
            connection = await OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT etag, data FROM {Table} WHERE grain_type = $type AND grain_key = $key AND state_name = $name";
            AddKey(command, grainId, stateName);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
                grainState.State = _serializer.Deserialize<T>(BinaryData.FromBytes(reader.GetFieldValue<byte[]>(1)));
                grainState.RecordExists = true;
            }
            else
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = _serializer.Serialize(grainState.State).ToArray();
        var etag = await Enqueue(new PendingWrite(grainId, stateName, ParseETag(grainState.ETag), data));
        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Enqueue(new PendingWrite(grainId, stateName, ParseETag(grainState.ETag), Data: null));
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<long> Enqueue(PendingWrite write)
    {
        await _schema.Value;
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(write), this);
        return await write.Completion.Task;
    }

    /// <summary>Drains the queue in batches: one IMMEDIATE transaction per batch; results are released only after COMMIT.</summary>
    private void WriteLoop()
    {
        var writer = _writer!;
        var batch = new List<PendingWrite>(_maxBatch);
        var results = new List<(long Etag, Exception? Error)>(_maxBatch);
        while (_writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            results.Clear();
            while (batch.Count < _maxBatch && _writes.Reader.TryRead(out var write))
                batch.Add(write);
            try
            {
                using (var transaction = writer.BeginTransaction())
                {
                    foreach (var write in batch)
                        results.Add(Apply(writer, write));
                    transaction.Commit();
                }
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results[i].Error is { } error)
                        batch[i].Completion.TrySetException(error);
                    else
                        batch[i].Completion.TrySetResult(results[i].Etag);
                }
            }
            catch (Exception e)
            {
                foreach (var write in batch)
                    write.Completion.TrySetException(e);
            }
        }
    }

    /// <summary>Inserts (expected ETag null), updates or deletes (ETag must match) one row; returns the new ETag.</summary>
    private static (long Etag, Exception? Error) Apply(SqliteConnection writer, PendingWrite write)
    {
        using var command = writer.CreateCommand();
        AddKey(command, write.GrainId, write.StateName);
        command.Parameters.AddWithValue("$etag", write.ExpectedETag ?? 0);
        if (write.Data is null)
        {
            command.CommandText = write.ExpectedETag is null
                ? $"SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM {Table} WHERE grain_type = $type AND grain_key = $key AND state_name = $name)"
                : $"DELETE FROM {Table} WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND etag = $etag RETURNING 0";
        }
        else
        {
            command.Parameters.AddWithValue("$data", write.Data);
            command.CommandText = write.ExpectedETag is null
                ? $"INSERT INTO {Table} (grain_type, grain_key, state_name, etag, data) VALUES ($type, $key, $name, 1, $data) ON CONFLICT DO NOTHING RETURNING etag"
                : $"UPDATE {Table} SET etag = etag + 1, data = $data WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND etag = $etag RETURNING etag";
        }
        if (command.ExecuteScalar() is long etag)
            return (etag, null);
        return (0, Mismatch(writer, write));
    }

    private static InconsistentStateException Mismatch(SqliteConnection writer, PendingWrite write)
    {
        using var command = writer.CreateCommand();
        command.CommandText = $"SELECT etag FROM {Table} WHERE grain_type = $type AND grain_key = $key AND state_name = $name";
        AddKey(command, write.GrainId, write.StateName);
        var stored = command.ExecuteScalar() is long e ? e.ToString(CultureInfo.InvariantCulture) : null;
        var current = write.ExpectedETag?.ToString(CultureInfo.InvariantCulture);
        return new InconsistentStateException(
            $"ETag mismatch for {write.GrainId} state '{write.StateName}': stored {stored ?? "none"}, given {current ?? "none"}.",
            stored, current);
    }

    private static void AddKey(SqliteCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$key", grainId.Key.ToString());
        command.Parameters.AddWithValue("$name", stateName);
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"ETag '{etag}' was not issued by the SQLite grain store.", null, etag);

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 60000;");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Commits every write already queued, then closes the connections.</summary>
    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _writeThread?.Join();
        _writer?.Dispose();
        while (_readers.TryTake(out var reader))
            reader.Dispose();
    }

    private sealed record PendingWrite(GrainId GrainId, string StateName, long? ExpectedETag, byte[]? Data)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
