using System.Text.Json;
using System.Text.RegularExpressions;
using Sweeps.Numerics.External;
using YamlDotNet.RepresentationModel;

namespace Sweeps.Client.Specs;

/// <summary>
/// The command of an external method entry (<c>{ name: my-sgd, command: [python3, my_sgd.py], timeout: 60 }</c>,
/// docs/EXTERNAL.md). <see cref="Resolve"/> makes the script paths absolute (relative to the spec's folder) and
/// hashes the scripts, unless the spec pins <c>sha256</c> (as the normalized spec.yaml does).
/// </summary>
internal sealed partial record SpecCommand(List<string> Command, double Timeout, string? Sha256)
{
    public static readonly IReadOnlyList<string> Fields = ["command", "timeout", "sha256"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();

    /// <summary>Whether <paramref name="text"/> is a SHA-256 as the spec writes it (64 lowercase hex digits).</summary>
    public static bool IsSha256(string text) => HashPattern().IsMatch(text);

    /// <summary>Reads command, timeout and sha256 of an entry; null (errors added) when one is malformed.</summary>
    public static SpecCommand? Read(IReadOnlyDictionary<string, YamlNode> entries, string field, YamlFields fields)
    {
        var valid = true;
        var command = new List<string>();
        if (entries["command"] is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            fields.Add($"{field}.command: {YamlFields.Show(entries["command"])} is not allowed; give the program and its arguments as a list, e.g. [python3, my_method.py].");
            return null;
        }
        foreach (var (node, i) in list.Children.Select((n, i) => (n, i)))
        {
            if (fields.Text(node, $"{field}.command[{i}]") is { } text)
                command.Add(text);
            else
                valid = false;
        }
        var timeout = ExternalCommand.DefaultTimeoutSeconds;
        if (entries.TryGetValue("timeout", out var timeoutNode))
        {
            if (fields.Number(timeoutNode, field + ".timeout") is { } t && t > 0)
                timeout = t;
            else
            {
                if (timeoutNode is YamlScalarNode s && double.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
                    fields.Add($"{field}.timeout: {s.Value} is not allowed; it must be a positive number of seconds.");
                valid = false;
            }
        }
        string? sha256 = null;
        if (entries.TryGetValue("sha256", out var hashNode))
        {
            sha256 = fields.Text(hashNode, field + ".sha256");
            if (sha256 is not null && !HashPattern().IsMatch(sha256))
            {
                fields.Add($"{field}.sha256: '{sha256}' is not allowed; it must be 64 lowercase hex digits (leave it out to hash the scripts).");
                sha256 = null;
            }
            valid &= sha256 is not null;
        }
        return valid ? new SpecCommand(command, timeout, sha256) : null;
    }

    /// <summary>
    /// Script paths made absolute against <paramref name="folder"/>: the program when it names a path (contains a
    /// '/'), each argument that names an existing file; then the sha256 of the scripts unless it was pinned.
    /// </summary>
    public SpecCommand Resolve(string folder)
    {
        string Absolute(string argument, bool program)
        {
            if (Path.IsPathFullyQualified(argument) || (program && !argument.Contains('/', StringComparison.Ordinal)))
                return argument;
            var full = Path.GetFullPath(Path.Combine(folder, argument));
            return File.Exists(full) ? full : argument;
        }
        var command = Command.Select((a, i) => Absolute(a, i == 0)).ToList();
        return new SpecCommand(command, Timeout, Sha256 ?? ExternalCommand.HashOf(ExternalCommand.ScriptFiles(command)));
    }

    /// <summary>The command as a sweep definition carries it (after <see cref="Resolve"/>).</summary>
    public Grains.Sweeps.MethodCommand ToMethodCommand() => new([.. Command], Timeout, Sha256!);

    /// <summary>The normalized YAML of the command fields (each argument as a JSON string, a valid YAML scalar).</summary>
    public string ToYaml() =>
        "command: [" + string.Join(", ", Command.Select(a => JsonSerializer.Serialize(a, Relaxed))) + "], timeout: " + YamlFields.Format(Timeout) +
        ", sha256: " + Sha256;
}
