using Microsoft.Extensions.Logging;

namespace Sweeps.Client.Cli;

/// <summary>Logging of the silo the CLI hosts: off unless SWEEPS_LOG_LEVEL names a level; then to stderr.</summary>
public static class EmbeddedLogging
{
    public const string Variable = "SWEEPS_LOG_LEVEL";

    public static Action<ILoggingBuilder>? FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level))
            throw new UsageException($"{Variable}: '{text}' is not a log level; allowed: {string.Join(", ", Enum.GetNames<LogLevel>())}.");
        return logging => logging
            .SetMinimumLevel(level)
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning)
            .AddFilter("Orleans", level > LogLevel.Information ? level : LogLevel.Warning)
            .AddFilter("Sweeps", level);
    }
}
