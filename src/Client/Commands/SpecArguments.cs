using Sweeps.Client.Cli;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Commands;

/// <summary>The SPEC positional argument shared by validate and run: loads it or prints its errors.</summary>
public static class SpecArguments
{
    /// <summary>
    /// The loaded spec, or null after printing every error of an invalid one to the terminal;
    /// <paramref name="trials"/>, when given, replaces the spec's trials (see <see cref="SpecLoader.Load"/>).
    /// </summary>
    public static LoadedSpec? Load(ArgumentReader reader, Terminal terminal, int? trials = null)
    {
        if (reader.Positional.Count != 1)
            throw new UsageException(reader.Positional.Count == 0 ? "SPEC: missing; give the path of a sweep spec (YAML)." : $"'{reader.Positional[1]}': unexpected argument; give one spec.");
        var path = reader.Positional[0];
        if (Directory.Exists(path))
            throw new UsageException($"SPEC: '{path}' is a directory; give the path of a sweep spec file (YAML), e.g. examples/quickstart.yaml.");
        if (!File.Exists(path))
            throw new UsageException($"SPEC: '{path}' does not exist.");
        try
        {
            return SpecLoader.LoadFile(path, trials: trials);
        }
        catch (SpecException e)
        {
            terminal.Error.WriteLine($"{path}: {e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}:");
            foreach (var error in e.Errors)
                terminal.Error.WriteLine("  " + error);
            return null;
        }
    }
}
