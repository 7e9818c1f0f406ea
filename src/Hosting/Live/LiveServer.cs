using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sweeps.Hosting.Live;

/// <summary>
/// The live page served by a process that has no web host of its own (`sweeps run --serve`): a small
/// Kestrel server on <paramref name="endpoint"/> (port 0: a free one) reading the given grains.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    /// <summary>The address the server listens on, with the actual port.</summary>
    public Uri Address { get; }

    public static async Task<LiveServer> StartAsync(IGrainFactory grains, IPEndPoint endpoint, LiveOptions options, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrel(k => k.Listen(endpoint));
        builder.Services.AddSingleton(grains);
        var app = builder.Build();
        app.MapSweepsLive(options);
        await app.StartAsync(cancellation);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveServer(app, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)));
    }

    /// <summary>True for an address other machines can reach (not loopback): worth a warning, the page has no authentication.</summary>
    public static bool IsExposed(IPAddress address) => !IPAddress.IsLoopback(address);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
