using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sweeps.Client.Specs;

/// <summary>
/// Reads typed values out of YAML nodes, adding a message that names the field, the value and
/// what is allowed to the error list instead of throwing, so every problem of a spec is reported.
/// </summary>
internal sealed class YamlFields(List<string> errors)
{
    public List<string> Errors { get; } = errors;

    public void Add(string message) => Errors.Add(message);

    public string? Text(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            return value;
        Add($"{field}: {Show(node)} is not allowed; it must be a non-empty text value.");
        return null;
    }

    /// <summary>A finite number in invariant notation (80, 0.5, 1.0e-3).</summary>
    public double? Number(YamlNode node, string field)
    {
        if (node is not YamlScalarNode scalar)
        {
            Add($"{field}: {Show(node)} is not a number.");
            return null;
        }
        if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Add($"{field}: '{scalar.Value}' is not a number.");
        return null;
    }

    /// <summary>A whole number within [min, max].</summary>
    public long? Whole(YamlNode node, string field, long min, long max)
    {
        if (Number(node, field) is not { } value)
            return null;
        if (value != Math.Floor(value) || value < min || value > max)
        {
            var upper = max == long.MaxValue ? "" : $" and at most {max.ToString(CultureInfo.InvariantCulture)}";
            Add($"{field}: {Format(value)} is not allowed; it must be a whole number at least {min.ToString(CultureInfo.InvariantCulture)}{upper}.");
            return null;
        }
        return (long)value;
    }

    public YamlMappingNode? Mapping(YamlNode node, string field, string expected)
    {
        if (node is YamlMappingNode mapping)
            return mapping;
        Add($"{field}: {Show(node)} is not allowed; it must be a mapping ({expected}).");
        return null;
    }

    /// <summary>The entries of a mapping whose keys are text, reporting keys outside <paramref name="allowed"/> (null: any).</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string field, IReadOnlyCollection<string>? allowed)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = field.Length == 0 ? key : field + "." + key;
            if (allowed is not null && !allowed.Contains(key))
            {
                Add($"{path}: unknown field '{key}'; allowed: {string.Join(", ", allowed)}.");
                continue;
            }
            yield return (key, value);
        }
    }

    /// <summary>A list, or a single scalar read as a one-element list.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlNode node) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];

    public static string Format(double value) => Numerics.Trials.ParameterText.Number(value);

    public static string Show(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "this value",
    };
}
