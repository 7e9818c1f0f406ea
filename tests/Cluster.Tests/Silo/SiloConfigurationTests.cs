using Sweeps.Silo;

namespace Sweeps.Cluster.Tests.Silo;

/// <summary>What the configuration providers would accept silently and the silo rejects or defines.</summary>
public sealed class SiloConfigurationTests
{
    private static SiloSettings Read(string[] args, Dictionary<string, string>? environment = null) =>
        SiloSettings.Read(args, name => environment?.GetValueOrDefault(name));

    [Theory]
    [InlineData("localhost")]
    [InlineData("-v")]
    [InlineData("/redis")]
    public void A_word_that_is_not_a_double_dash_flag_is_rejected(string word)
    {
        var error = Assert.Throws<SiloSettingsException>(() => Read(["--redis", "localhost", word]));
        Assert.StartsWith($"'{word}' is not a flag; allowed: --redis, --silo-port,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_variable_counts_as_unset_and_a_flag_may_carry_its_value_after_an_equals_sign()
    {
        var s = Read(["--redis=localhost:6379", "--http-port=9091"], new() { ["SWEEPS_SILO_PORT"] = "", ["SWEEPS_HTTP_PORT"] = "9090" });
        Assert.Equal(("localhost:6379", 11111, 9091), (s.Redis, s.SiloPort, s.HttpPort));
    }

    [Fact]
    public void A_bad_variable_is_named_by_the_variable_and_a_bad_flag_by_the_flag()
    {
        var environment = new Dictionary<string, string> { ["SWEEPS_REDIS"] = "localhost", ["SWEEPS_MAX_CONCURRENT_TRIALS"] = "many" };
        Assert.Equal("SWEEPS_MAX_CONCURRENT_TRIALS: 'many' is not allowed; it must be a whole number from 1 to 4096.",
            Assert.Throws<SiloSettingsException>(() => Read([], environment)).Message);
        Assert.Equal("--max-concurrent-trials: 'none' is not allowed; it must be a whole number from 1 to 4096.",
            Assert.Throws<SiloSettingsException>(() => Read(["--max-concurrent-trials", "none"], environment)).Message);
    }

    [Fact]
    public void Every_flag_has_its_prefixed_variable()
    {
        Assert.All(SiloConfiguration.Flags, f =>
            Assert.Equal(SiloConfiguration.Prefix + f.Flag.Replace('-', '_').ToUpperInvariant(), f.Variable));
    }
}
