using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Methods;

/// <summary>How the nonconvex methods end, through <see cref="TrialRunner"/>: statuses, reasons, determinism.</summary>
public sealed class MethodStatusTests
{
    [Theory]
    [InlineData("flat-penalty")]
    [InlineData("gd-small-init")]
    [InlineData("gd-random-init")]
    public void A_trial_gives_the_same_numbers_when_run_twice(string method)
    {
        var parameters = SensingTrials.Parameters(method, 80, 3, new MethodParameters { MaxIters = 300 });
        Assert.True(TrialRunner.Run(parameters).SameNumbersAs(TrialRunner.Run(parameters)));
    }

    [Fact]
    public void Flat_penalty_reports_the_iteration_limit_when_the_cap_ends_the_continuation_early()
    {
        var result = TrialRunner.Run(SensingTrials.Parameters(FlatPenaltyMethod.MethodName, 100, 0, new MethodParameters { MaxIters = 5 }));
        Assert.Equal(TrialStatus.IterationLimit, result.Status);
        Assert.Equal(5, result.Iterations);
        Assert.Contains("before the last stage", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gd-small-init", "")] // either detection may fire first: a non-finite value or |F| leaving its bound
    [InlineData("sam", "SAM steps: ")]
    public void Fixed_step_methods_report_divergence_with_a_step_far_too_large(string method, string reasonStart)
    {
        var result = TrialRunner.Run(SensingTrials.Parameters(method, 60, 0, new MethodParameters { Alpha = 1, Step = 10 }));
        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.False(result.Success);
        Assert.False(string.IsNullOrEmpty(result.Reason));
        Assert.StartsWith(reasonStart, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradient_descent_reports_the_iteration_limit_with_its_cap()
    {
        var result = TrialRunner.Run(SensingTrials.Parameters(GradientDescentSmallInitMethod.MethodName, 60, 0, new MethodParameters { MaxIters = 7 }));
        Assert.Equal(TrialStatus.IterationLimit, result.Status);
        Assert.Equal(7, result.Iterations);
    }
}
