using System.Globalization;

namespace Sweeps.Client.Cli;

/// <summary>
/// Reads "--name value" options, "--flag" switches and positional arguments of one command.
/// Every option must be declared by the command (a typo is an error before anything runs, not
/// silently ignored);
/// values are parsed with the invariant culture and errors name the option and what is allowed.
/// </summary>
public sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="options">Options that take a value.</param>
    /// <param name="flags">Switches without a value.</param>
    public ArgumentReader(IEnumerable<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                _positional.Add(arg);
                continue;
            }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            if (!options.Contains(name) && !flags.Contains(name))
                throw new UsageException($"--{name}: not an option of this command; allowed: {string.Join(", ", options.Concat(flags).Select(o => "--" + o))}.");
            if (_options.ContainsKey(name))
                throw new UsageException($"--{name}: given twice.");
            if (flags.Contains(name))
            {
                if (eq > 0) throw new UsageException($"--{name}: is a switch and takes no value.");
                _options[name] = null;
            }
            else if (eq > 0)
                _options[name] = arg[(eq + 1)..];
            else if (e.MoveNext())
                _options[name] = e.Current;
            else
                throw new UsageException($"--{name}: a value is required.");
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? String(string name) => _options.GetValueOrDefault(name);

    public string RequiredString(string name, string allowed) =>
        String(name) ?? throw new UsageException($"--{name}: missing; {allowed}.");

    public int? Int(string name, int min = int.MinValue)
    {
        var text = String(name);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new UsageException($"--{name}: '{text}' is not allowed; it must be a whole number >= {min}.");
        return value;
    }

    public long? Long(string name)
    {
        var text = String(name);
        if (text is null) return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name}: '{text}' is not allowed; it must be a whole number.");
    }

    public ulong? ULong(string name)
    {
        var text = String(name);
        if (text is null) return null;
        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name}: '{text}' is not allowed; it must be a whole number from 0 to {ulong.MaxValue}.");
    }

    public double? Double(string name, double min = double.NegativeInfinity)
    {
        var text = String(name);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min)
            throw new UsageException($"--{name}: '{text}' is not allowed; it must be a number >= {min.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }
}
