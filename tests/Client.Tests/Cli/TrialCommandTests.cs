using System.Text.Json;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.Cli;

public sealed class TrialCommandTests
{
    private static readonly string[] Columns =
    [
        "cell", "trial", "problem", "method", "d1", "d2", "r", "k", "m", "p", "noise", "depth", "seed", "status",
        "rel_error", "success", "loss", "hessian_trace", "flat_trace_at_truth", "balance_gap", "rank", "iterations", "seconds",
    ];

    [Fact]
    public void Json_keys_are_the_trials_csv_columns_and_numbers_match_a_direct_run()
    {
        var (code, output, error) = CliRunner.Run(
            "trial", "--problem", "symmetric-sensing", "--d", "12", "--r", "1", "--m", "60", "--method", "flat-convex", "--seed", "99", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(Columns, keys.Take(Columns.Length));
        Assert.Equal("reason", keys[^1]);

        var direct = TrialRunner.Run(new TrialParameters
        {
            Problem = "symmetric-sensing", Method = "flat-convex", D1 = 12, D2 = 12, R = 1, K = 12, M = 60, Seed = 99,
        });
        Assert.Equal(direct.RelError, json.RootElement.GetProperty("rel_error").GetDouble());
        Assert.Equal(direct.HessianTrace, json.RootElement.GetProperty("hessian_trace").GetDouble());
        Assert.Equal(direct.Status.ToName(), json.RootElement.GetProperty("status").GetString());
        Assert.Equal(99UL, json.RootElement.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void Repeat_reports_the_median_seconds_and_prints_the_same_row()
    {
        string[] args = ["trial", "--problem", "symmetric-sensing", "--d", "8", "--r", "1", "--m", "30", "--method", "flat-penalty", "--seed", "5", "--json"];
        var (code, output, error) = CliRunner.Run([.. args, "--repeat", "3"]);
        Assert.True(code == 0, error);
        Assert.Matches(@"^repeat: 3 runs, median \S+ s \(min \S+, first \S+, max \S+\)", error.Trim());
        var single = CliRunner.Run(args);
        using var repeated = JsonDocument.Parse(output);
        using var once = JsonDocument.Parse(single.Out);
        Assert.Equal(once.RootElement.GetProperty("rel_error").GetDouble(), repeated.RootElement.GetProperty("rel_error").GetDouble());
    }

    [Theory]
    [InlineData("--method: 'sgd' is not a known method", "--problem", "symmetric-sensing", "--d", "10", "--r", "1", "--m", "30", "--method", "sgd")]
    [InlineData("--problem: 'lasso' is not a known problem", "--problem", "lasso", "--d", "10", "--r", "1", "--m", "30", "--method", "nuclear")]
    [InlineData("--r: 11", "--problem", "general-sensing", "--d", "10", "--r", "11", "--m", "30", "--method", "nuclear")]
    [InlineData("--k: 1", "--problem", "general-sensing", "--d", "10", "--r", "2", "--k", "1", "--m", "30", "--method", "nuclear")]
    [InlineData("--m: 0", "--problem", "general-sensing", "--d", "10", "--r", "2", "--m", "0", "--method", "nuclear")]
    [InlineData("--r: 1.5 is not allowed", "--problem", "general-sensing", "--d", "10", "--r", "1.5", "--m", "30", "--method", "nuclear")]
    [InlineData("--seed: '-1' is not allowed", "--problem", "general-sensing", "--d", "10", "--r", "1", "--m", "30", "--method", "nuclear", "--seed", "-1")]
    [InlineData("--method: 'nuclear' is a built-in method", "--problem", "symmetric-sensing", "--d", "8", "--r", "1", "--m", "30", "--method", "nuclear", "--", "python3", "x.py")]
    [InlineData("--: the external method's command is missing", "--problem", "symmetric-sensing", "--d", "8", "--r", "1", "--m", "30", "--method", "my-gd", "--")]
    [InlineData("--timeout: only for an external method", "--problem", "symmetric-sensing", "--d", "8", "--r", "1", "--m", "30", "--method", "nuclear", "--timeout", "5")]
    [InlineData("--timeout: 0 is not allowed", "--problem", "symmetric-sensing", "--d", "8", "--r", "1", "--m", "30", "--method", "my-gd", "--timeout", "0", "--", "python3", "x.py")]
    [InlineData("--method: missing", "--problem", "general-sensing", "--d", "10", "--r", "1", "--m", "30")]
    public void Bad_arguments_exit_2_and_name_the_argument(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["trial", .. args]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void Help_lists_the_commands_and_an_unknown_command_exits_2()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("theory", output, StringComparison.Ordinal);
        Assert.Contains("trial", output, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("frobnicate").ExitCode);
    }
}
