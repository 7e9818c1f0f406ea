namespace Sweeps.Numerics.Methods;

/// <summary>The nonconvex methods' start: the problem's Gaussian initialization of scale alpha, drawn from the trial's Init stream.</summary>
internal static class StartingPoint
{
    public static double[] Draw(IFactorizedProblem problem, TrialSeed seed, double alpha)
    {
        var theta = new double[problem.ParameterCount];
        var init = seed.Stream(StreamPurpose.Init);
        problem.Initialize(ref init, alpha, theta);
        return theta;
    }
}
