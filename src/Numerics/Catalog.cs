namespace Sweeps.Numerics;

/// <summary>
/// Named entries of one kind (problem families, methods), looked up by their spec name: the built-ins, then those
/// plugins register (<see cref="Plugins.PluginRegistry"/>). Entries are only added, never removed.
/// </summary>
public sealed class Catalog<T>(string field, IReadOnlyList<T> entries, Func<T, string> nameOf) where T : class
{
    private volatile T[] _entries = [.. entries];

    /// <summary>The spec names, in catalog order (built-ins first, then plugins' in load order).</summary>
    public IReadOnlyList<string> Names => _entries.Select(nameOf).ToArray();

    public bool TryGet(string name, out T entry)
    {
        entry = _entries.FirstOrDefault(e => nameOf(e) == name)!;
        return entry is not null;
    }

    /// <summary>Adds a plugin's entry; a name already taken throws naming it (the registry checks first).</summary>
    internal void Register(T entry)
    {
        lock (this)
        {
            if (TryGet(nameOf(entry), out _))
                throw new ArgumentException($"{field}: '{nameOf(entry)}' is already a {field}.", nameof(entry));
            _entries = [.. _entries, entry];
        }
    }

    /// <summary>The entry named <paramref name="name"/>, or an error naming the spec field and the allowed names.</summary>
    public T Get(string name) =>
        TryGet(name, out var entry)
            ? entry
            : throw new ArgumentException($"{field}: '{name}' is not a known {field}; allowed: {string.Join(", ", Names)}.", nameof(name));
}

/// <summary>The problem families and the minimizer-picking methods (docs/SCIENCE.md section 3) Sweeps knows.</summary>
public static class Catalogs
{
    public static Catalog<IProblemFamily> Problems { get; } = new("problem",
    [
        new GeneralSensingFamily(),
        new SymmetricSensingFamily(),
        new Problems.Hadamard.HadamardSparseFamily(),
        new BilinearSensingFamily(),
        new Problems.Completion.MatrixCompletionFamily(),
        new Problems.Network.QuadraticNetworkFamily(),
        new Problems.Deep.DeepFactorizationFamily(),
        new Problems.Robust.RobustPcaFamily(),
    ], f => f.Name);

    public static Catalog<IMethod> Methods { get; } = new("method",
    [
        ConvexMethod.FlatConvex,
        ConvexMethod.Nuclear,
        new FlatPenaltyMethod(),
        new GradientDescentSmallInitMethod(),
        new SamMethod(),
        new RandomInitLbfgsMethod(),
    ], m => m.Name);
}
