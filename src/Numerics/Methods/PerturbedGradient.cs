namespace Sweeps.Numerics.Methods;

/// <summary>
/// The step direction of random-perturbation SAM (average variant) as an optimizer objective. Each call
/// draws e ~ N(0, I_n) from the stream, sets eps = rho e / ||e|| (uniform on the sphere of radius rho) and
/// returns the antithetic averages
///   F = (f(theta + eps) + f(theta - eps)) / 2,   g = (grad f(theta + eps) + grad f(theta - eps)) / 2.
/// The pair cancels the first-order noise H eps. For the families' losses (polynomials of degree 4 in theta,
/// so grad f is cubic) the average is exact: g = grad f(theta) + (1/2) grad_theta (eps^T Hess f(theta) eps),
/// and E[eps eps^T] = (rho^2 / n) I gives E g = grad (f + (rho^2 / (2n)) tr Hess f)(theta): SAM is stochastic
/// gradient descent on f plus the Hessian trace with weight rho^2 / (2n).
/// </summary>
internal sealed class PerturbedGradient(IFactorizedProblem problem, double rho, RandomStream stream)
{
    private readonly double[] _perturbation = new double[problem.ParameterCount];
    private readonly double[] _point = new double[problem.ParameterCount];
    private readonly double[] _otherGradient = new double[problem.ParameterCount];
    private RandomStream _stream = stream;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        _stream.FillNormal(_perturbation);
        Kernels.Scale(rho / Kernels.Norm(_perturbation), _perturbation);
        var value = Shifted(theta, 1, gradient) + Shifted(theta, -1, _otherGradient);
        Kernels.Axpy(1, _otherGradient, gradient);
        Kernels.Scale(0.5, gradient);
        return 0.5 * value;
    }

    /// <summary>f(theta + sign * eps), its gradient written to <paramref name="gradient"/>.</summary>
    private double Shifted(ReadOnlySpan<double> theta, double sign, Span<double> gradient)
    {
        theta.CopyTo(_point);
        Kernels.Axpy(sign, _perturbation, _point);
        return problem.LossAndGradient(_point, gradient);
    }
}
