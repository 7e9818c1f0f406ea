using System.Text.Json;
using Sweeps.Numerics.Theory;

namespace Sweeps.Client.Tests.Cli;

public sealed class TheoryCommandTests
{
    [Fact]
    public void Json_has_the_statistical_dimension_and_for_symmetric_the_feasibility_threshold()
    {
        var (code, output, _) = CliRunner.Run("theory", "--problem", "symmetric-sensing", "--d", "20", "--r", "2", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var delta = json.RootElement.GetProperty("statistical_dimension").GetDouble();
        Assert.InRange(delta, 65 * 0.97, 65 * 1.03);
        Assert.Equal(StatisticalDimension.PsdFeasibility(20, 2), json.RootElement.GetProperty("psd_feasibility").GetDouble());
    }

    [Fact]
    public void General_json_has_no_feasibility_threshold()
    {
        var (code, output, _) = CliRunner.Run("theory", "--problem", "general-sensing", "--d", "20", "--r", "2", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.InRange(json.RootElement.GetProperty("statistical_dimension").GetDouble(), 141 * 0.97, 141 * 1.03);
        Assert.False(json.RootElement.TryGetProperty("psd_feasibility", out _));
    }

    [Theory]
    [InlineData("--problem", "robust-pca", "--d", "5", "--r", "1", "--problem: 'robust-pca' is not allowed")]
    [InlineData("--problem", "general-sensing", "--d", "5", "--r", "6", "--r: 6 is not allowed")]
    [InlineData("--problem", "general-sensing", "--d", "x", "--r", "1", "--d: 'x' is not allowed")]
    [InlineData("--problem", "general-sensing", "--d", "5", "--q", "1", "--q: not an option")]
    [InlineData("--problem", "general-sensing", "--d", "5", "--d", "6", "--d: given twice")]
    public void Bad_arguments_exit_2_and_name_the_argument(string a, string b, string c, string d, string e, string f, string expected)
    {
        var (code, output, error) = CliRunner.Run("theory", a, b, c, d, e, f);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
