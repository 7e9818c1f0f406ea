using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Sweeps.Hosting.Storage;

public static class SqliteGrainStorageExtensions
{
    /// <summary>Registers a <see cref="SqliteGrainStorage"/> as the grain storage provider <paramref name="name"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, SqliteGrainStorageOptions options)
    {
        silo.Services.AddGrainStorage(name, (services, _) => new SqliteGrainStorage(options, services.GetRequiredService<Serializer>()));
        return silo;
    }
}
