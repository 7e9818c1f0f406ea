namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// What every problem with a linear map of its model shares, f(theta) = (1/m) ||A(X(theta)) - b||^2: the data,
/// the truth, the residual buffers (<see cref="LeastSquaresFit"/>), the length check of theta, and the gradient by
/// the chain rule, grad f = J^T grad_X f with grad_X f = (2/m) S, S = A^*(r). A family supplies the model
/// (<see cref="FormModel"/>) and J^T (<see cref="AddModelGradient"/>). Its step 1 / (c lambda), lambda =
/// lambda_max(A^*A) / m, uses the family's bound c on the Gauss-Newton curvature per unit lambda near the truth.
/// </summary>
public abstract class LeastSquaresProblem<TMap> where TMap : IMeasurementOperator
{
    private readonly double[] _truth;
    private readonly double[] _data;
    private readonly string _layout;
    private double? _suggestedStep;

    /// <param name="layout">theta's length as the error message states it, e.g. "theta of length (d1 + d2) k".</param>
    private protected LeastSquaresProblem(TMap measurements, double[] truth, double[] data, string layout)
    {
        Measurements = measurements;
        _truth = truth;
        _data = data;
        _layout = layout;
        Fit = new LeastSquaresFit(measurements, data);
    }

    public TMap Measurements { get; }

    /// <summary>b, length m.</summary>
    public ReadOnlySpan<double> Data => _data;

    /// <summary>The ground truth, in the layout of the model X.</summary>
    public ReadOnlySpan<double> Truth => _truth;

    public abstract int ParameterCount { get; }

    public double SuggestedStep => _suggestedStep ??= 1.0 / (CurvatureBound * SensingAnalysis.NormalizedOperatorNorm(Measurements));

    /// <summary>c: near the truth the Gauss-Newton part of the Hessian is at most c lambda ||d theta||^2.</summary>
    protected abstract double CurvatureBound { get; }

    private protected LeastSquaresFit Fit { get; }

    public double Loss(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        return Residuals(theta);
    }

    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        var loss = Residuals(theta, withAdjoint: true);
        gradient.Clear();
        AddModelGradient(theta, 2.0 / Fit.Count, Fit.Adjoint, gradient);
        return loss;
    }

    /// <summary>
    /// tr Hess f. By default the flat penalty, exact at every point when X is multilinear in the entries of theta
    /// (no entry appears squared), because the residual part of the Hessian then has a zero diagonal.
    /// </summary>
    public virtual double HessianTrace(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        return FlatPenalty(theta);
    }

    /// <summary>The flat penalty (tr Hess f on the zero-loss set) plus <paramref name="scale"/> times its gradient into <paramref name="gradient"/>.</summary>
    public double AddFlatPenalty(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        var value = FlatPenalty(theta);
        AddFlatPenaltyGradient(theta, scale, gradient);
        return value;
    }

    /// <summary>The flat penalty at theta; it may leave products in scratch that <see cref="AddFlatPenaltyGradient"/> reuses.</summary>
    protected abstract double FlatPenalty(ReadOnlySpan<double> theta);

    /// <summary>Adds <paramref name="scale"/> times the flat penalty's gradient, right after <see cref="FlatPenalty"/> at the same theta.</summary>
    protected abstract void AddFlatPenaltyGradient(ReadOnlySpan<double> theta, double scale, Span<double> gradient);

    /// <summary>Writes X(theta) into <paramref name="model"/>.</summary>
    protected abstract void FormModel(ReadOnlySpan<double> theta, Span<double> model);

    /// <summary>Adds <paramref name="scale"/> J(theta)^T S to <paramref name="gradient"/>, J the Jacobian of X in theta.</summary>
    protected abstract void AddModelGradient(ReadOnlySpan<double> theta, double scale, ReadOnlySpan<double> adjoint, Span<double> gradient);

    /// <summary>Fills the residuals r = A(X(theta)) - b and returns f = ||r||^2 / m (and S when <paramref name="withAdjoint"/>).</summary>
    protected double Residuals(ReadOnlySpan<double> theta, bool withAdjoint = false)
    {
        FormModel(theta, Fit.Model);
        return withAdjoint ? Fit.EvaluateWithAdjoint() : Fit.Evaluate();
    }

    protected void CheckLength(int length)
    {
        if (length != ParameterCount)
            throw new ArgumentException($"Expected {_layout} = {ParameterCount}, got {length}.");
    }
}
