using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Sweeps.Hosting.Storage;

public static class SqliteGrainStorageExtensions
{
    /// <summary>
    /// Registers a <see cref="SqliteGrainStorage"/> as the grain storage provider <paramref name="name"/>, with
    /// Orleans' binary serializer (the stored format of every release). Orleans subscribes it to the silo
    /// lifecycle because the factory's type implements <see cref="ILifecycleParticipant{ISiloLifecycle}"/>.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, SqliteGrainStorageOptions options)
    {
        silo.Services.AddGrainStorage(name, (services, _) => new SqliteGrainStorage(options, services.GetRequiredService<Serializer>()));
        return silo;
    }
}
