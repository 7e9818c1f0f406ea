namespace Sweeps.Numerics.Trials;

/// <summary>
/// Method parameters of a trial (spec names in brackets). Null means "the method's documented
/// default" (see docs/METHODS.md).
/// </summary>
public sealed record MethodParameters
{
    /// <summary>[lambda] Flatness penalty weight: the start of the continuation (flat-penalty) or the fixed weight (noisy problems).</summary>
    public double? Lambda { get; init; }

    /// <summary>[alpha] Initialization scale (gd-small-init, gd-random-init).</summary>
    public double? Alpha { get; init; }

    /// <summary>[rho] SAM perturbation radius (absolute, on the whole parameter vector).</summary>
    public double? Rho { get; init; }

    /// <summary>[step] Fixed step size of gradient methods.</summary>
    public double? Step { get; init; }

    /// <summary>[max_iters] Iteration cap.</summary>
    public int? MaxIters { get; init; }

    public static MethodParameters Defaults { get; } = new();
}
