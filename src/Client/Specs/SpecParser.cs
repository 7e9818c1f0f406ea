using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweeps.Numerics.Trials;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweeps.Client.Specs;

/// <summary>
/// Parses spec YAML into a <see cref="SpecDraft"/>, collecting field errors (names, types,
/// ranges, duplicates); grid-level checks come after, in <see cref="SpecLoader"/>.
/// </summary>
internal static partial class SpecParser
{
    public static readonly IReadOnlyList<string> Fields = ["name", "problem", "fixed", "axes", "methods", "trials", "success", "seed", "plots", "transition", "adaptive", "plugins"];
    private static readonly IReadOnlyList<string> AdaptiveFields = ["axis", "precision", "max_trials", "batch"];
    private static readonly IReadOnlyList<string> RangeFields = ["from", "to", "step"];
    private static readonly IReadOnlyList<string> SuccessFields = ["tolerance", "relative_to_noise"];
    private static readonly IReadOnlyList<string> PlotFields = ["kind", "x", "y", "facet", "metric"];
    private static readonly string[] Required = ["problem", "methods"];

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    public static SpecDraft Parse(string yaml, SpecCatalog catalog, List<string> errors)
    {
        var fields = new YamlFields(errors);
        var draft = new SpecDraft();
        var root = ReadRoot(yaml, fields);
        if (root is null)
            return draft;

        var seen = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in fields.Entries(root, "", Fields))
            seen[key] = value;
        foreach (var required in Required)
            if (!seen.ContainsKey(required))
                fields.Add($"{required}: missing; it is required.");

        if (seen.TryGetValue("name", out var name) && fields.Text(name, "name") is { } n)
        {
            if (NamePattern().IsMatch(n))
                draft.Name = n;
            else
                fields.Add($"name: '{n}' is not allowed; use lowercase letters, digits, '.', '_' and '-' (at most 64, starting with a letter or digit).");
        }
        if (seen.TryGetValue("problem", out var problemEntry) && problemEntry is YamlMappingNode problemMap)
        {
            draft.ProblemIsCommand = true;
            ReadExternalProblem(problemMap, catalog, draft, fields);
        }
        else if (seen.TryGetValue("problem", out var problem) && fields.Text(problem, "problem") is { } p)
        {
            if (catalog.Problems.Contains(p))
                draft.Problem = p;
            else
                fields.Add($"problem: '{p}' is not a known problem; allowed: {string.Join(", ", catalog.Problems)}.");
        }
        if (seen.TryGetValue("fixed", out var fixedNode) && fields.Mapping(fixedNode, "fixed", "parameter: value") is { } fixedMap)
            ReadFixed(fixedMap, draft, fields);
        if (seen.TryGetValue("axes", out var axesNode) && fields.Mapping(axesNode, "axes", "parameter: [values] or {from, to, step}") is { } axesMap)
            ReadAxes(axesMap, draft, fields);
        CheckParameterSet(draft, fields);
        if (seen.TryGetValue("methods", out var methods))
            ReadMethods(methods, catalog, draft, fields);
        if (seen.TryGetValue("trials", out var trials) && fields.Whole(trials, "trials", 1, int.MaxValue) is { } t)
            draft.Trials = t;
        if (seen.TryGetValue("seed", out var seed) && fields.Whole(seed, "seed", long.MinValue, long.MaxValue) is { } s)
            draft.Seed = s;
        if (seen.TryGetValue("success", out var success) && fields.Mapping(success, "success", "tolerance or relative_to_noise") is { } successMap)
            ReadSuccess(successMap, draft, fields);
        if (seen.TryGetValue("plots", out var plots))
            draft.Plots = ReadPlots(plots, draft, fields);
        if (seen.TryGetValue("transition", out var transition) && fields.Mapping(transition, "transition", "axis: AXIS") is { } transitionMap)
            ReadTransition(transitionMap, draft, fields);
        if (seen.TryGetValue("plugins", out var plugins) && fields.Mapping(plugins, "plugins", "plugin: sha256") is { } pluginMap)
            ReadPlugins(pluginMap, draft, fields);
        if (seen.TryGetValue("adaptive", out var adaptive) && fields.Mapping(adaptive, "adaptive", "axis, precision, max_trials, batch") is { } adaptiveMap)
            draft.Adaptive = ReadAdaptive(adaptiveMap, fields);
        return draft;
    }

    /// <summary><c>problem: { name: my-problem, command: [python3, my_problem.py], timeout: 60 }</c>: a command that runs each whole trial (docs/EXTERNAL.md).</summary>
    private static void ReadExternalProblem(YamlMappingNode mapping, SpecCatalog catalog, SpecDraft draft, YamlFields fields)
    {
        var entries = fields.Entries(mapping, "problem", ["name", .. SpecCommand.Fields]).ToDictionary(e => e.Key, e => e.Value);
        if (!entries.TryGetValue("name", out var nameNode) || fields.Text(nameNode, "problem.name") is not { } name)
        {
            if (nameNode is null)
                fields.Add("problem.name: missing; give the external problem a name of its own.");
            return;
        }
        if (!entries.ContainsKey("command"))
        {
            fields.Add($"problem.command: missing; give the program and its arguments as a list, or give a problem's name ({string.Join(", ", catalog.Problems)}) without braces.");
            return;
        }
        if (ExternalNameError(name, catalog.Problems, "problem") is { } error)
        {
            fields.Add($"problem.name: {error}");
            return;
        }
        if (SpecCommand.Read(entries, "problem", fields) is { } command)
        {
            draft.Problem = name;
            draft.ProblemCommand = command;
        }
    }

    /// <summary><c>plugins: { NAME: SHA256 }</c>, the builds the spec was written for (the normalized spec.yaml pins them).</summary>
    private static void ReadPlugins(YamlMappingNode mapping, SpecDraft draft, YamlFields fields)
    {
        foreach (var (name, node) in fields.Entries(mapping, "plugins", null))
        {
            if (fields.Text(node, "plugins." + name) is not { } hash)
                continue;
            if (SpecCommand.IsSha256(hash))
                draft.PinnedPlugins[name] = hash;
            else
                fields.Add($"plugins.{name}: '{hash}' is not allowed; it must be 64 lowercase hex digits (leave the entry out to take the loaded build).");
        }
    }

    private static YamlMappingNode? ReadRoot(string yaml, YamlFields fields)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var cause = e.InnerException?.Message ?? e.Message;
            var at = cause.LastIndexOf("): ", StringComparison.Ordinal);
            fields.Add($"spec: YAML syntax error at line {e.Start.Line}, column {e.Start.Column}: {(at >= 0 ? cause[(at + 3)..] : cause)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner throws this without a position for some unterminated flow collections.
            fields.Add($"spec: YAML syntax error after line {parser.LastGood.Line}, column {parser.LastGood.Column}: unterminated or malformed value.");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            fields.Add($"spec: not allowed; it must be a mapping with the fields {string.Join(", ", Fields)}.");
            return null;
        }
        return root;
    }

    private static void ReadFixed(YamlMappingNode mapping, SpecDraft draft, YamlFields fields)
    {
        foreach (var (name, node) in fields.Entries(mapping, "fixed", ParameterNames.All))
            if (Parameter(node, "fixed." + name, name, fields) is { } value)
                draft.Fixed.Add(new(name, value));
    }

    private static void ReadAxes(YamlMappingNode mapping, SpecDraft draft, YamlFields fields)
    {
        foreach (var (name, node) in fields.Entries(mapping, "axes", ParameterNames.All))
            if (ReadValues(node, "axes." + name, name, fields) is { } values)
                draft.Axes.Add(new SpecAxis(name, values));
    }

    /// <summary>The values of an axis (of the grid or of one method): a list, or a {from, to, step} range; non-empty, distinct, whole where required.</summary>
    private static ImmutableArray<double>? ReadValues(YamlNode node, string field, string name, YamlFields fields)
    {
        ImmutableArray<double>? values = node is YamlMappingNode range ? ReadRange(range, field, fields) : ReadList(node, field, name, fields);
        if (values is null)
            return null;
        if (values.Value.Length == 0)
        {
            fields.Add($"{field}: empty; give at least one value.");
            return null;
        }
        var invalid = false;
        foreach (var value in values.Value)
            invalid |= !WholeWhereRequired(value, field, name, fields);
        var duplicate = values.Value.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            fields.Add($"{field}: {YamlFields.Format(duplicate.Key)} appears {duplicate.Count()} times; axis values must be distinct.");
        return duplicate is null && !invalid ? values : null;
    }

    private static ImmutableArray<double>? ReadList(YamlNode node, string field, string name, YamlFields fields)
    {
        var items = fields.Sequence(node);
        var values = ImmutableArray.CreateBuilder<double>(items.Count);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (fields.Number(items[i], node is YamlSequenceNode ? $"{field}[{i}]" : field) is { } v)
                values.Add(v);
            else
                ok = false;
        }
        return ok ? values.MoveToImmutable() : null;
    }

    private static ImmutableArray<double>? ReadRange(YamlMappingNode range, string field, YamlFields fields)
    {
        var bounds = new Dictionary<string, double>();
        var ok = true;
        foreach (var (key, node) in fields.Entries(range, field, RangeFields))
        {
            if (fields.Number(node, $"{field}.{key}") is { } v)
                bounds[key] = v;
            else
                ok = false;
        }
        foreach (var key in RangeFields.Where(k => !bounds.ContainsKey(k)))
        {
            if (ok)
                fields.Add($"{field}.{key}: missing; a range needs from, to and step.");
            ok = false;
        }
        return ok ? AxisRange.Expand(bounds["from"], bounds["to"], bounds["step"], field, fields) : null;
    }

    private static double? Parameter(YamlNode node, string field, string name, YamlFields fields) =>
        fields.Number(node, field) is { } value && WholeWhereRequired(value, field, name, fields) ? value : null;

    /// <summary>Integer parameters must be whole and fit a 32-bit integer (what a trial holds them in).</summary>
    private static bool WholeWhereRequired(double value, string field, string name, YamlFields fields)
    {
        if (!ParameterNames.Integers.Contains(name) || (value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue))
            return true;
        var what = value == Math.Floor(value) ? $"a whole number of at most {int.MaxValue}" : "a whole number";
        fields.Add($"{field}: {YamlFields.Format(value)} is not allowed; {name} must be {what}.");
        return false;
    }

    /// <summary>A parameter is fixed or an axis, never both; d excludes d1 and d2.</summary>
    private static void CheckParameterSet(SpecDraft draft, YamlFields fields)
    {
        var fixedNames = draft.Fixed.Select(f => f.Key).ToHashSet();
        foreach (var axis in draft.Axes.Where(a => fixedNames.Contains(a.Name)))
            fields.Add($"axes.{axis.Name}: {axis.Name} is also in fixed; a parameter is either fixed or an axis, not both.");
        var names = fixedNames.Concat(draft.Axes.Select(a => a.Name)).ToHashSet();
        if (names.Contains(ParameterNames.D) && (names.Contains(ParameterNames.D1) || names.Contains(ParameterNames.D2)))
            fields.Add("d: given together with d1/d2 is not allowed; give either d (square) or d1 and d2.");
    }

    private static void ReadMethods(YamlNode node, SpecCatalog catalog, SpecDraft draft, YamlFields fields)
    {
        var items = fields.Sequence(node);
        if (items.Count == 0)
            fields.Add($"methods: empty; give at least one of {string.Join(", ", catalog.Methods)}.");
        for (var i = 0; i < items.Count; i++)
        {
            var method = draft.ProblemIsCommand ? ExternalProblemMethod(items[i], $"methods[{i}]", fields)
                : items[i] is YamlMappingNode mapping
                ? ReadMethodEntry(mapping, $"methods[{i}]", catalog, draft, fields)
                : fields.Text(items[i], "methods") is { } name ? KnownMethod(name, "methods", catalog, fields) : null;
            if (method is null)
                continue;
            if (draft.Methods.Any(m => m.Name == method.Name))
                fields.Add($"methods: '{method.Name}' appears more than once; each method may be listed once. To run a method with several values of a parameter, give the values as a list in its entry, e.g. {{ name: sam, rho: [0.01, 0.05] }}.");
            else
                draft.Methods.Add(method);
        }
    }

    /// <summary>An external problem's method: a bare name its command interprets (not checked against the catalog).</summary>
    private static SpecMethod? ExternalProblemMethod(YamlNode node, string field, YamlFields fields)
    {
        if (node is not YamlScalarNode || fields.Text(node, field) is not { } name)
        {
            fields.Add($"{field}: {YamlFields.Show(node)} is not allowed; an external problem's methods are bare names its command interprets.");
            return null;
        }
        if (ExternalNameError(name, []) is { } error)
        {
            fields.Add($"{field}: {error}");
            return null;
        }
        return new SpecMethod(name);
    }

    private static SpecMethod? KnownMethod(string name, string field, SpecCatalog catalog, YamlFields fields)
    {
        if (catalog.Methods.Contains(name))
            return new SpecMethod(name);
        fields.Add($"{field}: '{name}' is not a known method; allowed: {string.Join(", ", catalog.Methods)}.");
        return null;
    }

    /// <summary>
    /// <c>{ name: METHOD, PARAMETER: value or [values] or {from, to, step}, ... }</c>: the method's own parameters, each
    /// checked against the method (it must take the parameter, in range) and against the grid (not also an axis).
    /// </summary>
    private static SpecMethod? ReadMethodEntry(YamlMappingNode mapping, string field, SpecCatalog catalog, SpecDraft draft, YamlFields fields)
    {
        // An entry with a command is an external method (docs/EXTERNAL.md), which also takes timeout and sha256.
        var external = mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: "command" });
        var entries = fields.Entries(mapping, field, external ? ["name", .. ParameterNames.Method, .. SpecCommand.Fields] : ["name", .. ParameterNames.Method]).ToList();
        var nameNode = entries.FirstOrDefault(e => e.Key == "name").Value;
        if (nameNode is null)
        {
            fields.Add($"{field}.name: missing; give one of {string.Join(", ", catalog.Methods)}.");
            return null;
        }
        if (fields.Text(nameNode, field + ".name") is not { } name ||
            (external ? ExternalMethod(name, entries, field, catalog, fields) : KnownMethod(name, field + ".name", catalog, fields)) is not { } method)
            return null;

        var parameters = external ? ParameterNames.Method : catalog.ParametersOf(name);
        var valid = true;
        foreach (var (parameter, node) in entries.Where(e => e.Key != "name" && !SpecCommand.Fields.Contains(e.Key)))
        {
            var path = $"{field}.{parameter}";
            if (draft.Axes.Any(a => a.Name == parameter))
            {
                fields.Add($"{path}: {parameter} is also an axis of the grid; give it either in axes (every method) or here (this method only), not both.");
                valid = false;
                continue;
            }
            var isList = node is YamlSequenceNode or YamlMappingNode;
            ImmutableArray<double>? values = isList ? ReadValues(node, path, parameter, fields) : Parameter(node, path, parameter, fields) is { } v ? [v] : null;
            if (values is null)
            {
                valid = false;
                continue;
            }
            if (!parameters.Contains(parameter))
            {
                var given = isList ? "[" + string.Join(", ", values.Value.Select(YamlFields.Format)) + "]" : YamlFields.Format(values.Value[0]);
                fields.Add($"{path}: {given} is not allowed; {name} has no parameter {parameter} (its parameters: {(parameters.Count == 0 ? "none" : string.Join(", ", parameters))}).");
                valid = false;
                continue;
            }
            for (var j = 0; j < values.Value.Length && !external; j++)
                valid &= CheckMethodParameter(name, parameter, values.Value[j], isList ? $"{path}[{j}]" : path, catalog, fields);
            if (isList)
                method.Lists.Add(new SpecAxis(parameter, values.Value));
            else
                method.Fixed.Add(new(parameter, values.Value[0]));
        }
        return valid ? method : null;
    }

    /// <summary>An external method (docs/EXTERNAL.md): a name of its own (not a built-in method's) and its command.</summary>
    private static SpecMethod? ExternalMethod(string name, List<(string Key, YamlNode Value)> entries, string field, SpecCatalog catalog, YamlFields fields)
    {
        if (ExternalNameError(name, catalog.Methods) is { } error)
        {
            fields.Add($"{field}.name: {error}");
            return null;
        }
        return SpecCommand.Read(entries.ToDictionary(e => e.Key, e => e.Value), field, fields) is { } command
            ? new SpecMethod(name) { Command = command }
            : null;
    }

    /// <summary>Why <paramref name="name"/> cannot name an external method (a built-in's name, or not a plain name), else null; shared with <c>sweeps trial</c>.</summary>
    public static string? ExternalNameError(string name, IReadOnlyList<string> builtIn, string kind = "method") =>
        builtIn.Contains(name) ? $"'{name}' is a built-in {kind}; give the external {kind} a name of its own."
        : !NamePattern().IsMatch(name) ? $"'{name}' is not allowed; use lowercase letters, digits, '.', '_' and '-' (at most 64, starting with a letter or digit)."
        : null;

    /// <summary>A value of a parameter the method takes must be in its range: the method's own message, with the path.</summary>
    private static bool CheckMethodParameter(string method, string name, double value, string path, SpecCatalog catalog, YamlFields fields)
    {
        var errors = catalog.ValidateMethod(method, ParameterNames.ToMethodParameters(new Dictionary<string, double> { [name] = value }));
        foreach (var error in errors)
            fields.Add(error.StartsWith(name + ":", StringComparison.Ordinal) ? path + error[name.Length..] : $"{path}: {error}");
        return errors.Count == 0;
    }

    private static void ReadSuccess(YamlMappingNode mapping, SpecDraft draft, YamlFields fields)
    {
        foreach (var (key, node) in fields.Entries(mapping, "success", SuccessFields))
        {
            if (fields.Number(node, "success." + key) is not { } value)
                continue;
            if (!(value > 0))
                fields.Add($"success.{key}: {YamlFields.Format(value)} is not allowed; it must be a positive number.");
            else if (key == "tolerance")
                draft.Tolerance = value;
            else
                draft.RelativeToNoise = value;
        }
    }

    /// <summary><c>transition: { axis: AXIS }</c>: the axis along which transitions.csv fits each line; an axis of the grid.</summary>
    private static void ReadTransition(YamlMappingNode mapping, SpecDraft draft, YamlFields fields)
    {
        foreach (var (_, node) in fields.Entries(mapping, "transition", ["axis"]))
        {
            if (fields.Text(node, "transition.axis") is not { } axis)
                continue;
            if (draft.Axes.Any(a => a.Name == axis))
                draft.TransitionAxis = axis;
            else
                fields.Add($"transition.axis: '{axis}' is not an axis of the sweep; allowed: {(draft.Axes.Count == 0 ? "none (the sweep has no axes)" : string.Join(", ", draft.Axes.Select(a => a.Name)))}.");
        }
    }

    /// <summary>
    /// <c>adaptive: { axis, precision, max_trials, batch }</c>, each field's type and range; that the axis is the transition
    /// axis and the budget covers the grid is checked by <see cref="SpecLoader"/>, once the grid and trials are known.
    /// </summary>
    private static AdaptiveDraft ReadAdaptive(YamlMappingNode mapping, YamlFields fields)
    {
        var adaptive = new AdaptiveDraft();
        foreach (var (key, node) in fields.Entries(mapping, "adaptive", AdaptiveFields))
        {
            var field = "adaptive." + key;
            switch (key)
            {
                case "axis":
                    adaptive.Axis = fields.Text(node, field);
                    break;
                case "precision" when fields.Number(node, field) is { } precision:
                    if (precision is > 0 and < 1)
                        adaptive.Precision = precision;
                    else
                        fields.Add($"{field}: {YamlFields.Format(precision)} is not allowed; it must be a number above 0 and below 1 (the 95% interval's width relative to the 50% point, e.g. 0.02).");
                    break;
                case "max_trials" when fields.Whole(node, field, 1, SpecLoader.MaxTrials) is { } budget:
                    adaptive.MaxTrials = budget;
                    break;
                case "batch" when fields.Whole(node, field, 1, int.MaxValue) is { } batch:
                    adaptive.Batch = (int)batch;
                    break;
            }
        }
        return adaptive;
    }

    private static List<PlotRequest>? ReadPlots(YamlNode node, SpecDraft draft, YamlFields fields)
    {
        var plots = new List<PlotRequest>();
        var items = fields.Sequence(node);
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"plots[{i}]";
            if (fields.Mapping(items[i], field, "x, y, facet, metric; or kind: scatter, x, y") is not { } mapping)
                continue;
            var values = new Dictionary<string, string>();
            foreach (var (key, value) in fields.Entries(mapping, field, PlotFields))
                if (fields.Text(value, $"{field}.{key}") is { } text)
                    values[key] = text;
            var errors = new List<string>();
            var kind = values.GetValueOrDefault("kind", ScatterRequest.PhaseKind);
            if (kind == ScatterRequest.Kind)
            {
                if (ScatterRequest.TryCreate(field, values, errors) is { } scatter)
                    draft.Scatters.Add(scatter);
            }
            else if (kind != ScatterRequest.PhaseKind)
                errors.Add($"{field}.kind: '{kind}' is not allowed; allowed: {ScatterRequest.PhaseKind}, {ScatterRequest.Kind}.");
            else if (PlotRequest.TryCreate(field, values.Where(v => v.Key != "kind").ToDictionary(), draft.Axes.Select(a => a.Name).ToList(), errors) is { } plot)
                plots.Add(plot);
            errors.ForEach(fields.Add);
        }
        return plots;
    }
}
