namespace Sweeps.Numerics.Problems;

/// <summary>The problem families Sweeps knows, by spec name.</summary>
public static class ProblemCatalog
{
    private static readonly IProblemFamily[] Families =
    [
        new Sensing.GeneralSensingFamily(),
        new Sensing.SymmetricSensingFamily(),
        new Hadamard.HadamardSparseFamily(),
        new Sensing.BilinearSensingFamily(),
        new Completion.MatrixCompletionFamily(),
        new Network.QuadraticNetworkFamily(),
        new Deep.DeepFactorizationFamily(),
        new Robust.RobustPcaFamily(),
    ];

    public static IReadOnlyList<string> Names { get; } = Families.Select(f => f.Name).ToArray();

    public static bool TryGet(string name, out IProblemFamily family)
    {
        family = Families.FirstOrDefault(f => f.Name == name)!;
        return family is not null;
    }

    public static IProblemFamily Get(string name) =>
        TryGet(name, out var family)
            ? family
            : throw new ArgumentException($"problem: '{name}' is not a known problem; allowed: {string.Join(", ", Names)}.", nameof(name));
}
