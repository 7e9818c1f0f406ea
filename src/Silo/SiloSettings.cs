using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Sweeps.Hosting.Cluster;

namespace Sweeps.Silo;

/// <summary>
/// The silo's settings from flags and environment variables (a flag wins over its variable), read through
/// <see cref="SiloConfiguration"/>.
/// Every flag is checked before anything starts; an error names the flag (or variable) and what is allowed.
/// </summary>
internal sealed record SiloSettings(
    string Redis,
    int SiloPort,
    int GatewayPort,
    int HttpPort,
    IPAddress HttpBind,
    IPAddress AdvertisedIp,
    string ClusterId,
    string ServiceId,
    int MaxConcurrentTrials,
    string? Plugins = null)
{
    public static string Usage =>
        "Usage: sweeps-silo [--flag value ...]   (each flag may instead be given by its environment variable; the flag wins)\n\n" +
        string.Join("\n", SiloConfiguration.Flags.Select(f => $"  --{f.Flag,-22} {f.Variable,-29} {f.Meaning} (default: {f.Default})"));

    /// <summary>Reads the settings from the process's flags and variables; throws <see cref="SiloSettingsException"/> naming the first bad one.</summary>
    public static SiloSettings Read(IReadOnlyList<string> args) => From(SiloConfiguration.FromProcess(args));

    /// <summary>As <see cref="Read(IReadOnlyList{string})"/> with variables looked up by <paramref name="environment"/>.</summary>
    public static SiloSettings Read(IReadOnlyList<string> args, Func<string, string?> environment) =>
        From(SiloConfiguration.FromLookup(args, environment));

    /// <summary>Converts and checks each value; an empty variable counts as unset (as it always has).</summary>
    private static SiloSettings From(IConfigurationRoot configuration)
    {
        var values = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        foreach (var f in SiloConfiguration.Flags)
        {
            var source = SiloConfiguration.SourceOf(configuration, f.Flag);
            if (configuration[SiloConfiguration.Key(f.Flag)] is { } value && (value.Length > 0 || source.StartsWith("--", StringComparison.Ordinal)))
                values[f.Flag] = (value, source);
        }

        if (!values.TryGetValue("redis", out var redisValue))
            throw new SiloSettingsException("--redis: missing; give the Redis connection string (or set SWEEPS_REDIS), e.g. --redis localhost:6379.");
        StackExchange.Redis.ConfigurationOptions redis;
        try
        {
            redis = RedisEndpoint.Parse(redisValue.Value);
        }
        catch (ArgumentException e)
        {
            throw new SiloSettingsException($"{redisValue.Source}: {e.Message.Split(" (Parameter")[0]}");
        }

        int Port(string flag, int fallback) => values.TryGetValue(flag, out var v) ? Int(v, 1, 65535, "a port from 1 to 65535") : fallback;
        string Id(string flag) => values.TryGetValue(flag, out var v)
            ? (v.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? v.Value : throw new SiloSettingsException($"{v.Source}: '{v.Value}' is not allowed; use letters, digits, '-', '_' and '.'."))
            : "sweeps";
        var siloPort = Port("silo-port", 11111);
        var gatewayPort = Port("gateway-port", 30000);
        var httpPort = Port("http-port", 8080);
        var ports = new[] { ("silo", siloPort), ("gateway", gatewayPort), ("http", httpPort) };
        if (ports.Select(p => p.Item2).Distinct().Count() != ports.Length)
            throw new SiloSettingsException($"--silo-port, --gateway-port, --http-port: must differ (got {siloPort}, {gatewayPort}, {httpPort}).");
        var httpBind = values.TryGetValue("http-bind", out var bind) ? Address(bind) : IPAddress.Loopback;
        var advertised = values.TryGetValue("advertised-ip", out var adv)
            ? Address(adv)
            : RedisEndpoint.IsLoopback(redis) ? IPAddress.Loopback : FirstNonLoopbackIPv4();
        var trials = values.TryGetValue("max-concurrent-trials", out var t) ? Int(t, 1, 4096, "a whole number from 1 to 4096") : Environment.ProcessorCount;
        return new SiloSettings(redisValue.Value, siloPort, gatewayPort, httpPort, httpBind, advertised, Id("cluster-id"), Id("service-id"), trials,
            values.TryGetValue("plugins", out var plugins) ? plugins.Value : null);
    }

    public SweepsClusterOptions Cluster => new(Redis, ClusterId, ServiceId, SiloPort, GatewayPort, AdvertisedIp);

    private static int Int((string Value, string Source) v, int min, int max, string allowed) =>
        int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new SiloSettingsException($"{v.Source}: '{v.Value}' is not allowed; it must be {allowed}.");

    private static IPAddress Address((string Value, string Source) v) =>
        IPAddress.TryParse(v.Value, out var address)
            ? address
            : throw new SiloSettingsException($"{v.Source}: '{v.Value}' is not an IP address (e.g. 0.0.0.0 or 10.0.0.5).");

    private static IPAddress FirstNonLoopbackIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new SiloSettingsException("--advertised-ip: this machine has no non-loopback IPv4 address; give one.");
}
