using System.Collections.Immutable;
using System.Globalization;
using Sweeps.Client.Adaptive;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Specs;

/// <summary>
/// Loads a sweep spec (README "Spec format"): parses, validates everything before any work
/// (names, types, ranges, grid size, every cell x method through the family and method
/// validation), expands the grid and derives the sweep id. Throws one <see cref="SpecException"/>
/// carrying every error found.
/// </summary>
public static class SpecLoader
{
    /// <summary>Upper bound on cells x methods x trials.</summary>
    public const long MaxTrials = 10_000_000;

    /// <summary>Upper bound on the number of cells (each is held in memory with all its parameters).</summary>
    public const long MaxCells = 1_000_000;

    public static LoadedSpec LoadFile(string path, SpecCatalog? catalog = null, long? trials = null) =>
        Load(File.ReadAllText(path), catalog, trials, Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <summary>
    /// Loads a spec; <paramref name="trials"/>, when given, replaces the spec's trials before
    /// validation (<c>sweeps run --trials</c>). The sweep id does not depend on trials, so more
    /// trials extend the same sweep: the engine reuses every finished trial. Relative script paths of
    /// external methods are resolved against <paramref name="folder"/> (the spec's folder; default the current one).
    /// </summary>
    public static LoadedSpec Load(string yaml, SpecCatalog? catalog = null, long? trials = null, string? folder = null)
    {
        catalog ??= SpecCatalog.Default;
        var errors = new List<string>();
        var draft = SpecParser.Parse(yaml, catalog, errors);
        ResolveCommands(draft, folder ?? Directory.GetCurrentDirectory(), errors);
        SpecPlugins.Resolve(draft, errors);
        if (trials is { } t)
        {
            if (t < 1)
                errors.Add($"--trials: {t} is not allowed; it must be a whole number at least 1.");
            draft.Trials = t;
        }
        if (errors.Count > 0)
            throw new SpecException(errors);

        var cellCount = draft.Axes.Aggregate(1L, (n, a) => n * a.Values.Length);
        var methodCount = draft.Methods.Sum(m => (long)m.Count);
        var total = cellCount * methodCount * draft.Trials;
        if (total > MaxTrials)
        {
            var counts = string.Join(" x ", draft.Axes.Select(a => $"{a.Values.Length} {a.Name}"));
            throw new SpecException(
                [$"grid: {total:N0} trials ({(counts.Length == 0 ? "1 cell" : counts)} cells x {methodCount} methods x {draft.Trials} trials) is too large; at most {MaxTrials:N0} are allowed."]);
        }

        if (cellCount > MaxCells)
            throw new SpecException([$"grid: {cellCount:N0} cells is too large; at most {MaxCells:N0} are allowed."]);

        var cells = Expand(draft.Axes, draft.Fixed);
        var methods = draft.Methods.SelectMany(Variants).ToImmutableArray();
        CheckCells(draft, cells, methods, catalog, errors);
        var adaptive = draft.Adaptive is null ? null : Adaptive(draft.Adaptive, TransitionAxis(draft), total, errors);
        var plots = draft.Plots ?? DefaultPlots(draft.Axes);
        var varying = PlotRequest.Varying(draft.Axes.Select(a => (a.Name, a.Values.Length)), methods.Length);
        for (var i = 0; i < plots.Count; i++)
            if (plots[i].PoolingError(draft.Plots is null ? "plots (the default diagram)" : $"plots[{i}]", varying) is { } pooling)
                errors.Add(pooling);
        if (errors.Count > 0)
            throw new SpecException(errors);

        var scatters = draft.Scatters;
        var core = SpecText.Core(draft);
        var id = draft.Name ?? Numerics.Random.StableHash.Of(SpecText.Core(draft, withTrials: false)).ToString("x16", CultureInfo.InvariantCulture)[..12];
        var definition = new SweepDefinition(
            id, draft.Problem!, [.. methods.Select(m => m.Label)], cells, (int)draft.Trials, draft.Seed, draft.Tolerance, draft.RelativeToNoise,
            [.. methods.Where(m => m.Parameters.Count > 0 || m.Command is not null || m.Plugin is not null)],
            SpecPlugins.Ref(Numerics.Plugins.PluginRegistry.OfProblem(draft.Problem!)),
            draft.ProblemCommand?.ToMethodCommand());
        return new LoadedSpec(
            definition,
            core + SpecText.Plots(plots, scatters) + SpecText.Transition(draft) + SpecText.Adaptive(adaptive),
            draft.Fixed.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. draft.Axes],
            [.. plots],
            [.. scatters],
            TransitionAxis(draft),
            adaptive);
    }

    /// <summary>
    /// The adaptive settings, checked against the grid: the axis (default the transition axis) must be the transition
    /// axis, which is an axis of the grid, and the budget must cover the grid's <paramref name="gridTrials"/>.
    /// </summary>
    private static AdaptiveSettings? Adaptive(AdaptiveDraft draft, string? transitionAxis, long gridTrials, List<string> errors)
    {
        var count = errors.Count;
        var axis = draft.Axis ?? transitionAxis;
        if (transitionAxis is null)
            errors.Add($"adaptive.axis: {(draft.Axis is null ? "missing" : $"'{draft.Axis}' is not allowed")}; the grid has no transition axis (m or p, or set transition.axis to one of its axes).");
        else if (axis != transitionAxis)
            errors.Add($"adaptive.axis: '{axis}' is not allowed; it must be the transition axis '{transitionAxis}' (set transition.axis to refine along another axis of the grid).");
        if (draft.MaxTrials is not { } budget)
            errors.Add($"adaptive.max_trials: missing; it is required (the whole sweep's budget of trials, at least the grid's {gridTrials:N0}).");
        else if (budget < gridTrials)
            errors.Add($"adaptive.max_trials: {budget} is not allowed; it must be at least the grid's {gridTrials:N0} trials (cells x methods x trials), which the first round runs.");
        return errors.Count > count ? null : new AdaptiveSettings(axis!, draft.Precision, draft.MaxTrials!.Value, draft.Batch);
    }

    /// <summary>The axis transitions are fitted along: transition.axis, else m, else p (completion), when the grid has it; else null.</summary>
    private static string? TransitionAxis(SpecDraft draft) =>
        draft.TransitionAxis ?? TransitionLines.DefaultAxis(draft.Axes.Select(a => a.Name));

    /// <summary>
    /// The cartesian product of the axes, the first axis varying slowest. Each cell holds every
    /// parameter (fixed and axis); its key names only the axis values ("m=80;r=2", names sorted,
    /// round-trip numbers), so adding values to an axis never renames a cell.
    /// </summary>
    private static ImmutableArray<CellDefinition> Expand(List<SpecAxis> axes, IReadOnlyList<KeyValuePair<string, double>> fixedValues)
    {
        var count = axes.Aggregate(1, (n, a) => n * a.Values.Length);
        var cells = ImmutableArray.CreateBuilder<CellDefinition>(count);
        var position = new int[axes.Count];
        for (var index = 0; index < count; index++)
        {
            var parameters = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var (name, value) in fixedValues)
                parameters[name] = value;
            for (var a = 0; a < axes.Count; a++)
                parameters[axes[a].Name] = axes[a].Values[position[a]];
            var key = ParameterText.Set(axes.Select((axis, a) => KeyValuePair.Create(axis.Name, axis.Values[position[a]])));
            cells.Add(new CellDefinition(index, key, parameters.ToImmutable()));
            for (var a = axes.Count - 1; a >= 0 && ++position[a] == axes[a].Values.Length; a--)
                position[a] = 0;
        }
        return cells.MoveToImmutable();
    }

    /// <summary>
    /// The entries of the method dimension one spec method makes: itself when it has no parameters of its own;
    /// else one per combination of its lists (the first slowest), labelled by the listed values ("sam[rho=0.05]",
    /// names sorted, like a cell key) when it has lists, by its name when it has single values only.
    /// </summary>
    private static IEnumerable<MethodVariant> Variants(SpecMethod method) =>
        Expand(method.Lists, method.Fixed).Select(entry => new MethodVariant(
            method.Lists.Count == 0 ? method.Name : ParameterText.VariantLabel(method.Name, method.Lists.Select(l => KeyValuePair.Create(l.Name, entry.Parameters[l.Name]))), method.Name, entry.Parameters, method.Command?.ToMethodCommand(),
            method.Command is null ? SpecPlugins.Ref(Numerics.Plugins.PluginRegistry.OfMethod(method.Name)) : null));

    /// <summary>External methods' script paths made absolute and hashed (docs/EXTERNAL.md); an unreadable script is an error.</summary>
    private static void ResolveCommands(SpecDraft draft, string folder, List<string> errors)
    {
        try
        {
            draft.ProblemCommand = draft.ProblemCommand?.Resolve(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"problem: '{draft.Problem}': its script cannot be read to hash it ({e.Message}).");
        }
        for (var i = 0; i < draft.Methods.Count; i++)
        {
            if (draft.Methods[i].Command is not { } command)
                continue;
            try
            {
                draft.Methods[i] = draft.Methods[i] with { Command = command.Resolve(folder) };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"methods: '{draft.Methods[i].Name}': its script cannot be read to hash it ({e.Message}).");
            }
        }
    }

    /// <summary>
    /// Every cell x method entry (its own parameters over the cell's) through ParameterNames and the catalog's trial
    /// validation, the same check <c>sweeps trial</c> and every trial run (the family owns its limits, the operator's
    /// size among them); each distinct message once, with the first offending cell.
    /// </summary>
    private static void CheckCells(SpecDraft draft, ImmutableArray<CellDefinition> cells, ImmutableArray<MethodVariant> methods, SpecCatalog catalog, List<string> errors)
    {
        var success = new SuccessCriterion(draft.Tolerance, draft.RelativeToNoise);
        var seen = new HashSet<string>();
        foreach (var cell in cells)
        {
            foreach (var method in methods)
            {
                IReadOnlyList<string> messages;
                try
                {
                    messages = catalog.ValidateTrial(ParameterNames.ToTrialParameters(draft.Problem!, method.Method, method.Apply(cell.Parameters), success, 0) with
                    {
                        External = method.Command?.ToExternal(),
                        ExternalProblem = draft.ProblemCommand?.ToMethodCommand().ToExternal(),
                    });
                }
                catch (ArgumentException e)
                {
                    messages = [e.Message];
                }
                foreach (var message in messages.Where(seen.Add))
                    errors.Add($"{message} (at {Describe(cell)}, method {method.Label})");
            }
        }
    }

    private static string Describe(CellDefinition cell) =>
        string.Join(", ", cell.Parameters.Select(p => ParameterText.Pair(p.Key, p.Value)));

    /// <summary>
    /// Without plots in the spec: the two axes with the most values (ties: spec order), x the
    /// larger, faceted by method; a single-axis sweep plots its axis against method.
    /// </summary>
    internal static List<PlotRequest> DefaultPlots(IReadOnlyList<SpecAxis> axes)
    {
        var ranked = axes.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Values.Length).ThenBy(x => x.i).Select(x => x.a.Name).ToList();
        return ranked.Count switch
        {
            0 => [],
            1 => [new PlotRequest(ranked[0], PlotRequest.Method, null)],
            _ => [new PlotRequest(ranked[0], ranked[1], PlotRequest.Method)],
        };
    }
}
