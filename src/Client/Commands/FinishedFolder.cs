using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Commands;

/// <summary>The one positional argument of commands that read a finished output folder: the folder, its spec.yaml and cells.csv.</summary>
internal static class FinishedFolder
{
    public static (string Folder, LoadedSpec Spec, List<CellSummary> Cells) Read(ArgumentReader reader)
    {
        if (reader.Positional.Count != 1)
            throw new UsageException("DIR: give one output folder (the --out of 'sweeps run').");
        var folder = reader.Positional[0];
        var specPath = Path.Combine(folder, OutputFolder.Spec);
        var cellsPath = Path.Combine(folder, OutputFolder.CellsCsv);
        if (!File.Exists(specPath) || !File.Exists(cellsPath))
            throw new UsageException($"DIR: '{folder}' is not a finished output folder (it needs {OutputFolder.Spec} and {OutputFolder.CellsCsv}).");
        return (folder, SpecLoader.LoadFile(specPath), CellTable.Read(cellsPath));
    }
}
