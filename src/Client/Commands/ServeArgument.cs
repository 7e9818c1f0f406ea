using System.Net;
using System.Text.RegularExpressions;
using Sweeps.Client.Cli;

namespace Sweeps.Client.Commands;

/// <summary>
/// `--serve [ADDR:PORT]`: serve the live page while the sweep runs. The value is optional, which
/// <see cref="ArgumentReader"/> does not know, so it is split off first: the word after --serve is its
/// value only when it looks like an endpoint (PORT, :PORT, ADDR:PORT, [IPv6]:PORT), never a spec path.
/// Default: 127.0.0.1 and a free port.
/// </summary>
public static partial class ServeArgument
{
    public const string Option = "serve";

    public const string Help = """
          --serve [ADDR:PORT]         serve the live page (default 127.0.0.1 and a free port, printed at
                                      start; read-only); after the sweep the page stays up until Ctrl+C
        """;

    public static readonly IPEndPoint Default = new(IPAddress.Loopback, 0);

    /// <summary>The arguments without --serve and its value, and the endpoint to serve on (null: not asked).</summary>
    public static (List<string> Remaining, IPEndPoint? Endpoint) Extract(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        IPEndPoint? endpoint = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? value;
            if (args[i] == "--" + Option)
                value = i + 1 < args.Count && EndpointLike().IsMatch(args[i + 1]) ? args[++i] : null;
            else if (args[i].StartsWith("--" + Option + "=", StringComparison.Ordinal))
                value = args[i][(Option.Length + 3)..];
            else
            {
                rest.Add(args[i]);
                continue;
            }
            if (endpoint is not null)
                throw new UsageException($"--{Option}: given twice.");
            endpoint = value is null ? Default : Parse(value);
        }
        return (rest, endpoint);
    }

    private static IPEndPoint Parse(string value)
    {
        var text = value.StartsWith(':') ? "127.0.0.1" + value : value.All(char.IsAsciiDigit) ? "127.0.0.1:" + value : value;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
            text = "127.0.0.1" + text["localhost".Length..];
        if (!IPEndPoint.TryParse(text, out var endpoint) || !text.Contains(':') || endpoint.Port is < 0 or > 65535)
            throw new UsageException($"--{Option}: '{value}' is not allowed; give ADDR:PORT with an IP address (127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080), PORT, or no value (127.0.0.1, a free port).");
        return endpoint;
    }

    [GeneratedRegex(@"^(\d+|(\[[0-9A-Fa-f:.]*\]|[0-9A-Za-z.]*):\d+)$")]
    private static partial Regex EndpointLike();
}
