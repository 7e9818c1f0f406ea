using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Samples;

/// <summary>
/// heavy-ball: gradient descent with momentum 0.9 (Polyak) from a small Gaussian start, on any problem family,
/// written only against the public contract. Parameters: alpha (start scale, default 1e-3), step (default 0.1 x
/// the problem's suggested step, for momentum amplifies the step about tenfold) and max_iters (default 20000).
/// Stops when the loss is below 1e-20 (converged), at a non-finite loss (diverged) or at max_iters.
/// </summary>
public sealed class HeavyBallMethod : IMethod
{
    private const double Momentum = 0.9;

    public string Name => "heavy-ball";

    public IReadOnlyList<string> Parameters { get; } = [ParameterNames.Alpha, ParameterNames.Step, ParameterNames.MaxIters];

    public IReadOnlyList<string> Validate(MethodParameters parameters)
    {
        var errors = new List<string>();
        if (parameters.Alpha is { } alpha && !(alpha > 0))
            errors.Add($"alpha: {alpha} is not allowed; heavy-ball needs a positive start scale.");
        if (parameters.Step is { } step && !(step > 0))
            errors.Add($"step: {step} is not allowed; heavy-ball needs a positive step.");
        if (parameters.MaxIters is { } iterations && iterations < 1)
            errors.Add($"max_iters: {iterations} is not allowed; it must be at least 1.");
        return errors;
    }

    public Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var theta = new double[problem.ParameterCount];
        var init = seed.Stream(StreamPurpose.Init);
        problem.Initialize(ref init, parameters.Alpha ?? 1e-3, theta);
        var step = parameters.Step ?? 0.1 * problem.SuggestedStep;
        var maxIterations = parameters.MaxIters ?? 20000;
        var gradient = new double[theta.Length];
        var velocity = new double[theta.Length];
        for (var t = 0; t < maxIterations; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            var loss = problem.LossAndGradient(theta, gradient);
            if (!double.IsFinite(loss))
                return new Solution(theta, TrialStatus.Diverged, t, "heavy-ball: the loss became non-finite");
            if (loss < 1e-20)
                return new Solution(theta, TrialStatus.Converged, t);
            for (var i = 0; i < theta.Length; i++)
            {
                velocity[i] = Momentum * velocity[i] - step * gradient[i];
                theta[i] += velocity[i];
            }
        }
        return new Solution(theta, TrialStatus.IterationLimit, maxIterations);
    }
}
