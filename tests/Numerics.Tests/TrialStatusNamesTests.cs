using Sweeps.Numerics.External;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests;

/// <summary>The status names are trials.csv's values and the stored form of a record's status: one table, never changed.</summary>
public sealed class TrialStatusNamesTests
{
    [Fact]
    public void Every_status_has_its_pinned_name_and_parses_back()
    {
        Assert.Equal(
            ["converged", "iteration-limit", "diverged", "invalid-instance", "method-error", "timeout"],
            Enum.GetValues<TrialStatus>().Select(s => s.ToName()));
        foreach (var status in Enum.GetValues<TrialStatus>())
        {
            Assert.Equal(status, TrialStatusNames.Parse(status.ToName()));
            Assert.True(TrialStatusNames.TryParse(status.ToName(), out var parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Theory]
    [InlineData("exploded")]
    [InlineData("Converged")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_that_is_no_status_is_refused(string? name)
    {
        Assert.False(TrialStatusNames.TryParse(name, out _));
        if (name is not null)
            Assert.Equal($"Unknown trial status '{name}'.", Assert.Throws<FormatException>(() => TrialStatusNames.Parse(name)).Message);
    }

    [Theory]
    [InlineData("converged", TrialStatus.Converged)]
    [InlineData("iteration-limit", TrialStatus.IterationLimit)]
    [InlineData("diverged", TrialStatus.Diverged)]
    public void An_external_method_may_report_how_its_minimizer_ended(string name, TrialStatus status) =>
        Assert.Equal(status, AnswerFiles.MethodStatus(name));

    [Theory]
    [InlineData("method-error")]
    [InlineData("timeout")]
    [InlineData("invalid-instance")]
    [InlineData("exploded")]
    [InlineData(null)]
    public void An_external_method_may_not_claim_the_runners_statuses_or_an_unknown_one(string? name) =>
        Assert.Equal($"metrics.json: status '{name}' is not allowed; give converged, iteration-limit or diverged.",
            Assert.Throws<FormatException>(() => AnswerFiles.MethodStatus(name)).Message);
}
