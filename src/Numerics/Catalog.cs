namespace Sweeps.Numerics;

/// <summary>Named entries of one kind (problem families, methods), looked up by their spec name.</summary>
public sealed class Catalog<T>(string field, IReadOnlyList<T> entries, Func<T, string> nameOf) where T : class
{
    /// <summary>The spec names, in catalog order.</summary>
    public IReadOnlyList<string> Names { get; } = entries.Select(nameOf).ToArray();

    public bool TryGet(string name, out T entry)
    {
        entry = entries.FirstOrDefault(e => nameOf(e) == name)!;
        return entry is not null;
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
