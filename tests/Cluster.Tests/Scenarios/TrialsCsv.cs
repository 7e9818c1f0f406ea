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

    /// <summary>
    /// The folder's trials.csv equals <paramref name="expected"/> (an embedded run's rows) row for row, and no
    /// (cell, trial, problem, method) appears twice: every trial exactly once with bit-identical results.
    /// </summary>
    public static void AssertMatches(List<string> expected, string folder)
    {
        var actual = RowsWithoutSeconds(folder);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        var differing = expected.Zip(actual).Select((p, i) => (p, i)).Where(x => x.p.First != x.p.Second).Take(3).ToList();
        Assert.True(differing.Count == 0, "rows differ from the embedded run:\n" +
            string.Join("\n", differing.Select(d => $"row {d.i}:\n  embedded {d.p.First}\n  cluster  {d.p.Second}")));
        Assert.Equal(actual.Count - 1, actual.Skip(1).Select(r => string.Join(',', r.Split(',').Take(4))).Distinct().Count());
    }
}
