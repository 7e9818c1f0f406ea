using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>
/// A problem with no convex program: f(a, b) = (a b - 1)^2, tr Hess f = 2 b^2 + 2 a^2.
/// Stands for a family that neither is matrix sensing nor implements IConvexRecoverable.
/// </summary>
internal sealed class ScalarProductProblem : IFactorizedProblem
{
    public string Family => "scalar-product";

    public int ParameterCount => 2;

    public double Loss(ReadOnlySpan<double> theta) => Square(theta[0] * theta[1] - 1);

    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var residual = theta[0] * theta[1] - 1;
        gradient[0] = 2 * residual * theta[1];
        gradient[1] = 2 * residual * theta[0];
        return residual * residual;
    }

    public double HessianTrace(ReadOnlySpan<double> theta) => 2 * (Square(theta[0]) + Square(theta[1]));

    public double AddFlatPenalty(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        gradient[0] += scale * 4 * theta[0];
        gradient[1] += scale * 4 * theta[1];
        return HessianTrace(theta);
    }

    public void Initialize(ref RandomStream stream, double scale, Span<double> theta) => stream.FillNormal(theta, scale);

    public PointMetrics Evaluate(ReadOnlySpan<double> theta) =>
        new(Math.Abs(theta[0] * theta[1] - 1), 1, Math.Abs(Square(theta[0]) - Square(theta[1])) / (Square(theta[0]) + Square(theta[1])), []);

    public double FlatTraceAtTruth => 4;

    public double SuggestedStep => 0.1;

    private static double Square(double v) => v * v;
}
