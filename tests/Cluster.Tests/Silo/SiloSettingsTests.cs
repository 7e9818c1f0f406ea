using System.Net;
using Sweeps.Silo;

namespace Sweeps.Cluster.Tests.Silo;

/// <summary>The silo's flags and environment variables: defaults, precedence, and errors naming the flag.</summary>
public sealed class SiloSettingsTests
{
    private static SiloSettings Read(string[] args, Dictionary<string, string>? environment = null) =>
        SiloSettings.Read(args, name => environment?.GetValueOrDefault(name));

    [Fact]
    public void Defaults_follow_the_contract()
    {
        var s = Read(["--redis", "localhost:6379"]);
        Assert.Equal((11111, 30000, 8080), (s.SiloPort, s.GatewayPort, s.HttpPort));
        Assert.Equal(IPAddress.Loopback, s.HttpBind);
        // Redis on loopback: a one-machine cluster advertises loopback.
        Assert.Equal(IPAddress.Loopback, s.AdvertisedIp);
        Assert.Equal(("sweeps", "sweeps"), (s.ClusterId, s.ServiceId));
        Assert.Equal(Environment.ProcessorCount, s.MaxConcurrentTrials);
    }

    [Fact]
    public void Environment_configures_everything_and_a_flag_wins_over_its_variable()
    {
        var environment = new Dictionary<string, string>
        {
            ["SWEEPS_REDIS"] = "redis:6379", ["SWEEPS_SILO_PORT"] = "12000", ["SWEEPS_GATEWAY_PORT"] = "31000",
            ["SWEEPS_HTTP_PORT"] = "9090", ["SWEEPS_HTTP_BIND"] = "0.0.0.0", ["SWEEPS_ADVERTISED_IP"] = "10.1.2.3",
            ["SWEEPS_CLUSTER_ID"] = "c1", ["SWEEPS_SERVICE_ID"] = "s1", ["SWEEPS_MAX_CONCURRENT_TRIALS"] = "3",
        };
        var fromEnvironment = Read([], environment);
        Assert.Equal(
            new SiloSettings("redis:6379", 12000, 31000, 9090, IPAddress.Any, IPAddress.Parse("10.1.2.3"), "c1", "s1", 3),
            fromEnvironment);
        var overridden = Read(["--silo-port", "12001", "--max-concurrent-trials=1"], environment);
        Assert.Equal(fromEnvironment with { SiloPort = 12001, MaxConcurrentTrials = 1 }, overridden);
    }

    [Theory]
    [InlineData(new string[0], "--redis")]
    [InlineData(new[] { "--redis", "localhost", "--silo-port", "70000" }, "--silo-port")]
    [InlineData(new[] { "--redis", "localhost", "--http-bind", "everywhere" }, "--http-bind")]
    [InlineData(new[] { "--redis", "localhost", "--max-concurrent-trials", "0" }, "--max-concurrent-trials")]
    [InlineData(new[] { "--redis", "localhost", "--gateway-port", "11111" }, "--gateway-port")]
    [InlineData(new[] { "--redis", "localhost", "--verbose" }, "--verbose")]
    [InlineData(new[] { "--redis" }, "--redis")]
    public void Bad_settings_name_the_flag(string[] args, string flag)
    {
        var error = Assert.Throws<SiloSettingsException>(() => Read(args));
        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_redis_string_is_reported_without_echoing_it()
    {
        var error = Assert.Throws<SiloSettingsException>(() => Read([], new() { ["SWEEPS_REDIS"] = "host:6379,password=hunter2,bogus=1" }));
        Assert.Contains("SWEEPS_REDIS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
