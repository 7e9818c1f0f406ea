using System.Runtime.Loader;
using System.Security.Cryptography;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Plugins;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Plugins;

/// <summary>
/// .NET plugins (issue #16): examples/plugins/SamplePlugin loads into a load context of its own, shares the contract
/// assembly with the host (one IMethod type), registers its method in the catalog, runs trials like a built-in, and a
/// trial that needs a plugin this process lacks (or another build of it) is refused with method-error naming it.
/// </summary>
public sealed class PluginTests
{
    [Fact]
    public void The_sample_plugin_loads_in_its_own_context_sharing_the_contract_and_joins_the_catalog()
    {
        var folder = SamplePluginFolder.Path();
        var plugin = Assert.Single(PluginRegistry.LoadFolder(folder));
        var dll = Path.Combine(folder, "SamplePlugin", "SamplePlugin.dll");
        Assert.Equal(new PluginIdentity("SamplePlugin", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll)))), plugin.Identity);
        var method = Assert.Single(plugin.Methods);
        Assert.Equal("heavy-ball", method.Name);
        Assert.Same(method, Catalogs.Methods.Get("heavy-ball"));
        Assert.Equal(plugin.Identity, PluginRegistry.OfMethod("heavy-ball"));
        Assert.Null(PluginRegistry.OfMethod("gd-small-init"));

        var context = AssemblyLoadContext.GetLoadContext(method.GetType().Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal("plugin SamplePlugin", context.Name);
        // The contract is the host's: the plugin's context holds no copy of Sweeps.Numerics.
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == typeof(IMethod).Assembly.GetName().Name);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(IMethod).Assembly));

        // Loading the same build again is a no-op, not a second registration.
        Assert.Same(plugin, Assert.Single(PluginRegistry.LoadFolder(folder)));
        Assert.Single(Catalogs.Methods.Names, n => n == "heavy-ball");

        var parameters = new TrialParameters
        {
            Problem = "symmetric-sensing", Method = "heavy-ball", D1 = 8, D2 = 8, R = 1, K = 2, M = 30, Seed = 5, Plugins = [plugin.Identity],
        };
        var result = TrialRunner.Run(parameters);
        Assert.True(result.Success, $"{result.Status}: {result.Reason} ({result.RelError})");
        Assert.Equal(result, TrialRunner.Run(parameters) with { Seconds = result.Seconds });
    }

    [Fact]
    public void A_trial_needing_a_plugin_that_is_not_loaded_or_another_build_is_a_method_error_naming_it()
    {
        var missing = new PluginIdentity("NoSuchPlugin", new string('a', 64));
        var refused = TrialRunner.Run(new TrialParameters
        {
            Problem = "symmetric-sensing", Method = "no-such-method", D1 = 6, D2 = 6, R = 1, K = 6, M = 20, Seed = 1, Plugins = [missing],
        });
        Assert.Equal(TrialStatus.MethodError, refused.Status);
        Assert.StartsWith("plugin NoSuchPlugin (sha256 aaaaaaaaaaaa) is not loaded in this process", refused.Reason, StringComparison.Ordinal);
        Assert.False(refused.Success);
        Assert.True(double.IsNaN(refused.RelError));

        var plugin = Assert.Single(PluginRegistry.LoadFolder(SamplePluginFolder.Path()));
        var otherBuild = TrialRunner.Run(new TrialParameters
        {
            Problem = "symmetric-sensing", Method = "heavy-ball", D1 = 6, D2 = 6, R = 1, K = 6, M = 20, Seed = 1,
            Plugins = [plugin.Identity with { Sha256 = new string('b', 64) }],
        });
        Assert.Equal(TrialStatus.MethodError, otherBuild.Status);
        Assert.Equal($"plugin SamplePlugin here is sha256 {plugin.Identity.Sha256[..12]}, the sweep was submitted with bbbbbbbbbbbb; load the same build everywhere.", otherBuild.Reason);
    }

    [Fact]
    public void A_folder_that_is_missing_or_holds_no_plugin_is_an_error_naming_it()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "sweeps-no-such-plugins");
        Assert.Contains($"'{nowhere}' is not a folder", Assert.Throws<PluginException>(() => PluginRegistry.LoadFolder(nowhere)).Message, StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("sweeps-plugins-").FullName;
        try
        {
            // An assembly without methods or families (xunit's assertions).
            File.Copy(typeof(Assert).Assembly.Location, Path.Combine(folder, "NotAPlugin.dll"));
            var error = Assert.Throws<PluginException>(() => PluginRegistry.LoadFolder(folder));
            Assert.Contains("NotAPlugin.dll has no public IMethod or IProblemFamily", error.Message, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "NotAPlugin.dll"), "not an assembly");
            Assert.Contains("is not a .NET assembly", Assert.Throws<PluginException>(() => PluginRegistry.LoadFolder(folder)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
