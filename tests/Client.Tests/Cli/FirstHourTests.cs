using System.Reflection;
using System.Text.RegularExpressions;

namespace Sweeps.Client.Tests.Cli;

/// <summary>What a new user meets first: a folder given as SPEC, the version, the cluster flags in --help.</summary>
public sealed partial class FirstHourTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void A_directory_given_as_SPEC_is_called_a_directory(string command)
    {
        var folder = Directory.CreateTempSubdirectory("sweeps-spec-dir-").FullName;
        try
        {
            var (code, _, error) = CliRunner.Run(command, folder);
            Assert.Equal(2, code);
            Assert.Contains($"SPEC: '{folder}' is a directory; give the path of a sweep spec file (YAML)", error, StringComparison.Ordinal);
            Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_SPEC_still_says_it_does_not_exist()
    {
        var (code, _, error) = CliRunner.Run("validate", "/nonexistent/spec.yaml");
        Assert.Equal(2, code);
        Assert.Contains("SPEC: '/nonexistent/spec.yaml' does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_is_the_informational_version_with_the_commit_as_the_manifest_records_it()
    {
        var (code, output, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        var informational = typeof(Sweeps.Client.Cli.CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal($"sweeps {informational}", output.Trim());
        // Built from a git checkout (as CI and every clone are), the SDK appends the commit.
        Assert.Matches(CommitVersion(), informational);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("list")]
    public void Every_cluster_command_takes_and_documents_the_cluster_and_service_ids(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("--cluster-id ID", output, StringComparison.Ordinal);
        Assert.Contains("$SWEEPS_CLUSTER_ID", output, StringComparison.Ordinal);
        Assert.Contains("--service-id ID", output, StringComparison.Ordinal);
        Assert.Contains("$SWEEPS_SERVICE_ID", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_id_without_a_cluster_is_refused()
    {
        var spec = Path.Combine(Directory.CreateTempSubdirectory("sweeps-spec-").FullName, "spec.yaml");
        File.WriteAllText(spec, "problem: symmetric-sensing\nfixed: { d: 4, r: 1 }\naxes: { m: [8, 10] }\nmethods: [flat-convex]\ntrials: 1\n");
        var previous = Environment.GetEnvironmentVariable("SWEEPS_CLUSTER");
        Environment.SetEnvironmentVariable("SWEEPS_CLUSTER", null);
        try
        {
            var (code, _, error) = CliRunner.Run("run", spec, "--cluster-id", "alpha", "--out", Path.Combine(Path.GetTempPath(), "never-written"));
            Assert.Equal(2, code);
            Assert.Contains("--cluster-id, --service-id: apply to cluster runs", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SWEEPS_CLUSTER", previous);
        }
    }

    [Fact]
    public void An_id_with_a_slash_is_refused_before_connecting()
    {
        var (code, _, error) = CliRunner.Run("list", "--cluster", "127.0.0.1:1", "--cluster-id", "a/b");
        Assert.Equal(2, code);
        Assert.Contains("--cluster-id: 'a/b' is not allowed", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+\+[0-9a-f]{40}$")]
    private static partial Regex CommitVersion();
}
