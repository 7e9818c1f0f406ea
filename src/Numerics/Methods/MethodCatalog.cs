namespace Sweeps.Numerics.Methods;

/// <summary>The minimizer-picking methods Sweeps knows, by spec name (docs/SCIENCE.md section 3).</summary>
public static class MethodCatalog
{
    private static readonly IMethod[] Methods =
    [
        ConvexMethod.FlatConvex,
        ConvexMethod.Nuclear,
        new FlatPenaltyMethod(),
        new GradientDescentSmallInitMethod(),
        new SamMethod(),
        new RandomInitLbfgsMethod(),
    ];

    public static IReadOnlyList<string> Names { get; } = Methods.Select(m => m.Name).ToArray();

    public static bool TryGet(string name, out IMethod method)
    {
        method = Methods.FirstOrDefault(m => m.Name == name)!;
        return method is not null;
    }

    public static IMethod Get(string name) =>
        TryGet(name, out var method)
            ? method
            : throw new ArgumentException($"method: '{name}' is not a known method; allowed: {string.Join(", ", Names)}.", nameof(name));
}
