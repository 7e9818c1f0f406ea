using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Sweeps.Hosting.Cluster;
using Sweeps.Silo;

if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(SiloSettings.Usage);
    return 0;
}

SiloSettings settings;
try
{
    settings = SiloSettings.Read(args);
}
catch (SiloSettingsException e)
{
    Console.Error.WriteLine($"sweeps-silo: {e.Message}");
    Console.Error.WriteLine("See 'sweeps-silo --help'.");
    return 2;
}

try
{
    // Before the host: the catalogs must hold the plugins' methods and problems when the first trial arrives.
    if (settings.Plugins is { } plugins)
        foreach (var plugin in Sweeps.Numerics.Plugins.PluginRegistry.LoadFolder(plugins))
            Console.WriteLine($"sweeps-silo: plugin {plugin.Identity} from {plugin.Path}: {string.Join(", ", plugin.Methods.Select(m => m.Name).Concat(plugin.Problems.Select(p => p.Name)))}");
}
catch (Sweeps.Numerics.Plugins.PluginException e)
{
    Console.Error.WriteLine($"sweeps-silo: {e.Message}");
    return 2;
}

var app = SiloWebHost.Build(settings);
// Resolved now: RunAsync disposes the services, so it could not be asked for after the stop.
var fatalError = app.Services.GetService(typeof(FatalErrorExit)) as FatalErrorExit;
var logger = app.Services.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory ? factory.CreateLogger("Sweeps.Silo") : NullLogger.Instance;
var redis = RedisEndpoint.Parse(settings.Redis);
logger.LogInformation("sweeps-silo: cluster '{Cluster}' (service '{Service}') on Redis at {Redis}; silo {Ip}:{SiloPort}, gateway {GatewayPort}, http {Bind}:{HttpPort}, {Trials} concurrent trials",
    settings.ClusterId, settings.ServiceId, RedisEndpoint.Describe(redis), settings.AdvertisedIp, settings.SiloPort, settings.GatewayPort,
    settings.HttpBind, settings.HttpPort, settings.MaxConcurrentTrials);
try
{
    // Fail fast with a clear message instead of hanging in Orleans' start-up when Redis is down.
    await RedisEndpoint.CheckReachableAsync(redis, TimeSpan.FromSeconds(20), logger, CancellationToken.None);
    await app.RunAsync();
    // Stopped by Orleans' fatal-error handler (e.g. declared dead after a pause): not a clean exit.
    return fatalError is { Reason: not null } ? FatalErrorExit.ExitCode : 0;
}
catch (RedisConnectionException e)
{
    logger.LogCritical("sweeps-silo: {Message}", e.Message);
    return 1;
}
catch (Exception e) when (fatalError is { Reason: not null })
{
    // Paused while still starting: the fatal-error stop cancels the start, and that cancellation surfaces here.
    // The fatal error is the cause, so the exit code is its code, not a start-up failure's.
    logger.LogWarning("sweeps-silo: the start still in progress was canceled by the stop after the fatal error ({Error})", e.Message);
    return FatalErrorExit.ExitCode;
}
catch (Exception e)
{
    logger.LogCritical(e, "sweeps-silo: stopped by an error");
    return 1;
}
finally
{
    // Flushes the console logger.
    await app.DisposeAsync();
}
