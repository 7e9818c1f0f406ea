using System.Net;

namespace Sweeps.Hosting.Cluster;

/// <summary>
/// Where a cluster silo lives: Redis (membership, grain state, reminders), the cluster and service
/// ids, its silo-to-silo and client gateway ports, and the address it advertises to the others.
/// </summary>
public sealed record SweepsClusterOptions(
    string RedisConnection,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedIp);
