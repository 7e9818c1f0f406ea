using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace Sweeps.Silo;

/// <summary>
/// The silo's flags and <c>SWEEPS_*</c> variables as one Microsoft.Extensions.Configuration root: the
/// variables (prefix stripped: <c>SWEEPS_SILO_PORT</c> is key <c>SILO_PORT</c>), then the command line
/// through switch mappings (<c>--silo-port</c> is the same key), so a flag wins over its variable.
/// </summary>
internal static class SiloConfiguration
{
    public const string Prefix = "SWEEPS_";

    /// <summary>Each flag with its variable, default and meaning, in the order --help lists them.</summary>
    public static readonly (string Flag, string Variable, string Default, string Meaning)[] Flags =
    [
        ("redis", "SWEEPS_REDIS", "required", "StackExchange.Redis connection string (password and TLS go in the string)"),
        ("silo-port", "SWEEPS_SILO_PORT", "11111", "silo-to-silo port"),
        ("gateway-port", "SWEEPS_GATEWAY_PORT", "30000", "client gateway port"),
        ("http-port", "SWEEPS_HTTP_PORT", "8080", "HTTP port: /health/live, /health/ready"),
        ("http-bind", "SWEEPS_HTTP_BIND", "127.0.0.1", "address the HTTP endpoint listens on"),
        ("advertised-ip", "SWEEPS_ADVERTISED_IP", "first non-loopback IPv4; loopback when Redis is on loopback", "address other silos and clients reach this silo at"),
        ("cluster-id", "SWEEPS_CLUSTER_ID", "sweeps", "Orleans cluster id"),
        ("service-id", "SWEEPS_SERVICE_ID", "sweeps", "Orleans service id (keys the stored state)"),
        ("max-concurrent-trials", "SWEEPS_MAX_CONCURRENT_TRIALS", "the number of cores", "trials computed at once on this silo"),
        ("plugins", "SWEEPS_PLUGINS", "none", "folder of .NET plugins (methods, problems) to load; a sweep needing one this silo lacks gets method-error"),
    ];

    /// <summary>The configuration key of a flag: its variable without the prefix.</summary>
    public static string Key(string flag) => Flags.Single(f => f.Flag == flag).Variable[Prefix.Length..];

    private static readonly Dictionary<string, string> SwitchMappings =
        Flags.ToDictionary(f => "--" + f.Flag, f => Key(f.Flag), StringComparer.Ordinal);

    /// <summary>The process's variables through the framework's environment provider (prefix <see cref="Prefix"/>).</summary>
    public static IConfigurationRoot FromProcess(IReadOnlyList<string> args) =>
        Build(args, builder => builder.AddEnvironmentVariables(Prefix));

    /// <summary>Variables looked up by name (tests give a dictionary); only the silo's variables are read.</summary>
    public static IConfigurationRoot FromLookup(IReadOnlyList<string> args, Func<string, string?> environment) =>
        Build(args, builder => builder.AddInMemoryCollection(
            Flags.Select(f => new KeyValuePair<string, string?>(Key(f.Flag), environment(f.Variable)))));

    /// <summary>Where the value of <paramref name="flag"/> came from, for messages: the flag when given, else its variable.</summary>
    public static string SourceOf(IConfigurationRoot configuration, string flag) =>
        configuration.Providers.OfType<CommandLineConfigurationProvider>().Any(p => p.TryGet(Key(flag), out _))
            ? "--" + flag
            : Flags.Single(f => f.Flag == flag).Variable;

    private static IConfigurationRoot Build(IReadOnlyList<string> args, Action<IConfigurationBuilder> addEnvironment)
    {
        CheckArguments(args);
        var builder = new ConfigurationBuilder();
        addEnvironment(builder);
        return builder.AddCommandLine([.. args], SwitchMappings).Build();
    }

    /// <summary>
    /// The command-line provider skips words that are not switches, takes unknown --switches as keys and
    /// drops a last switch without a value; the silo rejects each of those, naming it.
    /// </summary>
    private static void CheckArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? (eq > 0 ? arg[2..eq] : arg[2..]) : null;
            if (name is null || Flags.All(f => f.Flag != name))
                throw new SiloSettingsException($"'{arg}' is not a flag; allowed: {string.Join(", ", Flags.Select(f => "--" + f.Flag))}.");
            if (eq < 0 && ++i >= args.Count)
                throw new SiloSettingsException($"--{name}: a value is required.");
        }
    }
}
