using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// sam (docs/SCIENCE.md 3.5): sharpness-aware minimization, random-perturbation (average) variant. From a
/// Gaussian start of scale <c>alpha</c> (Init stream), <c>max_iters</c> fixed steps
/// theta+ = theta - step * g, g the antithetic average of grad f at theta +- rho e / ||e|| with a fresh
/// e ~ N(0, I) from the Algorithm stream each step (<see cref="PerturbedGradient"/>): in expectation gradient
/// descent on f + (rho^2 / (2n)) tr Hess f, n = ParameterCount. rho is an absolute radius in parameter
/// space (the truth has unit Frobenius norm, so the factors have norm about 1). Under perturbation the
/// gradient never vanishes and f never reaches 0, so a last stage (rho = 0) minimizes f by L-BFGS from
/// SAM's point, as flat-penalty's last stage does, and stops by <see cref="ZeroLossRule"/> within
/// another <c>max_iters</c> iterations.
/// </summary>
public sealed class SamMethod() : Method(MethodName, [ParameterNames.Rho, ParameterNames.Alpha, ParameterNames.Step, ParameterNames.MaxIters])
{
    public const string MethodName = "sam";
    public const double DefaultAlpha = 1.0;
    public const double DefaultRho = 0.5;
    public const int DefaultMaxIters = 2000;

    public override Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var steps = parameters.MaxIters ?? DefaultMaxIters;
        var theta = StartingPoint.Draw(problem, seed, parameters.Alpha ?? DefaultAlpha);
        var direction = new PerturbedGradient(problem, parameters.Rho ?? DefaultRho, seed.Stream(StreamPurpose.Algorithm));
        var step = parameters.Step ?? problem.SuggestedStep;
        // No convergence test while perturbed (gradient tolerance 0): only the step count or divergence ends this phase.
        var sam = new GradientDescent(problem.ParameterCount).Minimize(direction.Evaluate, theta, step, new StoppingRule(steps, 0), cancellation);
        if (sam.Status == TrialStatus.Diverged)
            return new Solution(theta, sam.Status, sam.Iterations, $"SAM steps: {sam.Reason}");

        var last = new Lbfgs(problem.ParameterCount).Minimize(problem.LossAndGradient, theta, ZeroLossRule.For(problem, steps), cancellation);
        return new Solution(theta, last.Status, sam.Iterations + last.Iterations, last.Reason is null ? null : $"last stage: {last.Reason}");
    }
}
