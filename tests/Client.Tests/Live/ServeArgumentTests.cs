using System.Net;
using Sweeps.Client.Cli;
using Sweeps.Client.Commands;

namespace Sweeps.Client.Tests.Live;

/// <summary>`--serve [ADDR:PORT]`: an optional value that is never mistaken for the spec path.</summary>
public sealed class ServeArgumentTests
{
    [Theory]
    [InlineData(new[] { "spec.yaml", "--serve" }, "127.0.0.1:0")]
    [InlineData(new[] { "--serve", "spec.yaml" }, "127.0.0.1:0")]
    [InlineData(new[] { "spec.yaml", "--serve", "8080" }, "127.0.0.1:8080")]
    [InlineData(new[] { "spec.yaml", "--serve", "0.0.0.0:9000" }, "0.0.0.0:9000")]
    [InlineData(new[] { "spec.yaml", "--serve=[::1]:9000" }, "[::1]:9000")]
    [InlineData(new[] { "spec.yaml", "--serve", "localhost:7000" }, "127.0.0.1:7000")]
    public void Serve_takes_an_optional_endpoint(string[] args, string expected)
    {
        var (remaining, endpoint) = ServeArgument.Extract(args);
        Assert.Equal(["spec.yaml"], remaining);
        Assert.Equal(IPEndPoint.Parse(expected), endpoint);
    }

    [Fact]
    public void Without_serve_nothing_is_served() => Assert.Null(ServeArgument.Extract(["spec.yaml", "--out", "x"]).Endpoint);

    [Fact]
    public void A_bad_endpoint_names_the_option_and_the_forms()
    {
        var e = Assert.Throws<UsageException>(() => ServeArgument.Extract(["spec.yaml", "--serve=example.org:80"]));
        Assert.StartsWith("--serve: 'example.org:80' is not allowed", e.Message);
        Assert.Throws<UsageException>(() => ServeArgument.Extract(["--serve", "--serve=1"]));
    }
}
