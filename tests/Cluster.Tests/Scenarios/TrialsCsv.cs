namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>The rows of an output folder's trials.csv without the `seconds` column (wall time differs between runs).</summary>
internal static class TrialsCsv
{
    public static List<string> RowsWithoutSeconds(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "trials.csv"));
        var seconds = Array.IndexOf(lines[0].Split(','), "seconds");
        Assert.True(seconds >= 0, "trials.csv has a seconds column");
        // No field of the numeric rows holds a comma (reasons of converged trials are empty).
        return lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != seconds))).ToList();
    }
}
