using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Adaptive;

/// <summary>
/// The next round of an adaptive sweep (README "Adaptive refinement", docs/SCIENCE.md section 8) as a pure function of
/// the current definition and its finished counts: no randomness, no clock, so a resumed run plans the same rounds.
/// Per line (method and every coordinate but the axis) the probit fit gives m50 and its 95% interval; a line is done
/// when (High - Low) / m50 &lt;= precision. Otherwise the round adds <c>batch</c> trials to the
/// <see cref="CellsPerLine"/> undecided cells nearest the estimate: cells whose Wilson 95% interval still contains 0.5
/// (a settled cell, whose interval excludes it, gets none), and new axis values at m50, either side of it, and m50 +- w (the probit
/// scale: a trial's Fisher information about m50 is largest within about w of it), snapped to the axis' resolution
/// and strictly between the line's existing values. When no such cell is left (every cell near m50 settled at the axis'
/// resolution) but the interval is still too wide, the batch goes to the cells with the most Fisher information about
/// m50, settled or not (<see cref="MostInformative"/>), so a line stops only when precise or out of budget. Near the
/// precision a line asks for fewer than <c>batch</c> trials, as many as its Fisher information predicts (<see cref="Needed"/>). Trials are per cell, shared by the methods: a cell gets the
/// largest request of its lines. The sweep never exceeds <c>max_trials</c>; when the requests do not fit they are
/// scaled down, and when nothing fits the sweep stops with the refining lines marked <see cref="LineState.Budget"/>.
/// </summary>
public static class AdaptivePlanner
{
    /// <summary>How many undecided cells of a line share its batch (the estimate and the cells either side of it).</summary>
    public const int CellsPerLine = 3;

    /// <summary>Counts per cell x method from trial records.</summary>
    public static Dictionary<(string Cell, string Method), CellCount> Count(IEnumerable<TrialRecord> records) =>
        records.GroupBy(r => (r.CellKey, r.Method)).ToDictionary(g => g.Key, g => new CellCount(g.Count(), g.Count(r => r.Success)));

    /// <summary>
    /// Plans the round after <paramref name="round"/>, whose definition is <paramref name="current"/>;
    /// <paramref name="axes"/> are the spec's axis names (new cells are keyed by them, as the spec loader keys its cells).
    /// </summary>
    public static AdaptivePlan Plan(
        SweepDefinition current, IReadOnlyList<string> axes, IReadOnlyDictionary<(string Cell, string Method), CellCount> counts,
        AdaptiveSettings settings, int round)
    {
        var axis = settings.Axis;
        var integer = ParameterTable.Get(axis).Type == ParameterType.Integer;
        var lines = new List<AdaptiveLine>();
        var requests = new Dictionary<string, (CellDefinition Cell, int Trials)>();
        foreach (var method in current.Methods)
        {
            foreach (var line in current.Cells.GroupBy(c => LineKey(c, axis)))
            {
                var cells = line.OrderBy(c => c.Parameters[axis]).ToList();
                var (state, fit, wanted) = Refine(cells, c => counts.GetValueOrDefault((c.Key, method)), settings, integer, axes);
                lines.Add(new AdaptiveLine(method, cells[0].Parameters.Remove(axis), fit, state));
                foreach (var (cell, trials) in wanted)
                    if (trials > requests.GetValueOrDefault(cell.Key).Trials)
                        requests[cell.Key] = (cell, trials);
            }
        }
        var budget = (settings.MaxTrials - current.TotalTrials) / current.Methods.Length;
        var granted = Grant([.. requests.Values.OrderBy(r => r.Cell.Key, StringComparer.Ordinal)], budget);
        // Nothing granted: no line is refining (none asked), or the budget is spent (their state says so).
        if (granted.Count == 0)
            return new AdaptivePlan(round, null, [.. lines.Select(l => l.State == LineState.Refining ? l with { State = LineState.Budget } : l)]);
        return new AdaptivePlan(round, Extend(current, granted, axis), [.. lines]);
    }

    /// <summary>One line: its fit, its state, and the trials it asks for per cell (new cells included, with 0 trials so far).</summary>
    private static (string State, TransitionFit Fit, List<(CellDefinition Cell, int Trials)> Wanted) Refine(
        List<CellDefinition> cells, Func<CellDefinition, CellCount> count, AdaptiveSettings settings, bool integer, IReadOnlyList<string> axes)
    {
        var axis = settings.Axis;
        var xs = cells.Select(c => c.Parameters[axis]).ToList();
        var fit = ProbitFit.Fit(cells.Select(c => new BinomialPoint(c.Parameters[axis], count(c).Trials, count(c).Successes)));
        if (fit.Status is TransitionStatus.AllFail or TransitionStatus.AllSuccess)
            return (LineState.NoTransition, fit, []);
        if ((fit.High - fit.Low) / fit.X50 <= settings.Precision)
            return (LineState.Precise, fit, []);
        var estimate = fit.Status is TransitionStatus.Ok or TransitionStatus.Separated ? fit.X50 : Crossing(cells.Select(c => (c.Parameters[axis], count(c))));
        if (double.IsNaN(estimate))
            return (LineState.NoTransition, fit, []);

        var undecided = cells.Where(c => Undecided(count(c))).Select(c => (Cell: c, X: c.Parameters[axis])).ToList();
        var resolution = AxisResolution.Of(integer, xs[^1] - xs[0]);
        foreach (var x in Candidates(fit, estimate, xs, resolution).Distinct())
        {
            if (x > xs[0] && x < xs[^1] && !xs.Contains(x))
                undecided.Add((NewCell(cells[0], axis, x, axes), x));
        }
        var take = Math.Min(CellsPerLine, settings.Batch);
        var nearest = undecided.OrderBy(u => Math.Abs(u.X - estimate)).ThenBy(u => u.X).Take(take).ToList();
        if (nearest.Count == 0)
            nearest = [.. MostInformative(cells.Select(c => (Cell: c, X: c.Parameters[axis])), fit, estimate).Take(take)];
        var batch = Needed(fit, cells.Select(c => (c.Parameters[axis], count(c).Trials)), nearest.Select(u => u.X), settings, nearest.Count);
        // batch split as evenly as possible, the remainder to the cells nearest the estimate.
        var wanted = nearest.Select((u, i) => (u.Cell, batch / nearest.Count + (i < batch % nearest.Count ? 1 : 0))).ToList();
        return (LineState.Refining, fit, wanted);
    }

    /// <summary>
    /// The round's trials for a line: <c>batch</c>, or fewer when fewer should reach the precision, so the last round
    /// does not overshoot. The interval's width goes as one over the square root of the Fisher information about m50,
    /// J = sum over cells of n phi(z)^2 / (Phi(z) (1 - Phi(z))) (z = (m - m50) / w, per w^2), so a relative width rho
    /// times the precision needs J (rho^2 - 1) more, at the chosen cells' mean information per trial. Only for an
    /// <c>ok</c> fit (the others have no w); at least one trial per chosen cell.
    /// </summary>
    private static int Needed(TransitionFit fit, IEnumerable<(double X, int Trials)> cells, IEnumerable<double> chosen, AdaptiveSettings settings, int count)
    {
        var w = fit.Width / (2 * ProbitFit.Z90);
        var rho = (fit.High - fit.Low) / fit.X50 / settings.Precision;
        if (fit.Status != TransitionStatus.Ok || !(w > 0) || !double.IsFinite(rho))
            return settings.Batch;
        var information = cells.Sum(c => c.Trials * ProbitFit.Information((c.X - fit.X50) / w));
        var perTrial = chosen.Average(x => ProbitFit.Information((x - fit.X50) / w));
        var needed = Math.Ceiling(information * (rho * rho - 1) / perTrial);
        return (int)Math.Clamp(double.IsFinite(needed) ? needed : settings.Batch, Math.Min(count, settings.Batch), settings.Batch);
    }

    /// <summary>
    /// Every cell near the estimate is settled and no new axis value fits (the axis' resolution), yet the interval is too
    /// wide: settled cells still carry information about m50, a trial at m the Fisher information
    /// phi(z)^2 / (Phi(z) (1 - Phi(z))) / w^2, z = (m - m50) / w (<see cref="ProbitFit.Information"/>), largest at the
    /// cells nearest m50 on the probit scale. Cells in decreasing information (ties: smaller m first); without a fitted
    /// width (separated, not monotone) in increasing distance from the estimate, the same order for a symmetric curve.
    /// </summary>
    private static IEnumerable<(CellDefinition Cell, double X)> MostInformative(
        IEnumerable<(CellDefinition Cell, double X)> cells, TransitionFit fit, double estimate)
    {
        var w = fit.Width / (2 * ProbitFit.Z90);
        return fit.Status == TransitionStatus.Ok && w > 0
            ? cells.OrderByDescending(c => ProbitFit.Information((c.X - fit.X50) / w)).ThenBy(c => c.X)
            : cells.OrderBy(c => Math.Abs(c.X - estimate)).ThenBy(c => c.X);
    }

    /// <summary>
    /// Where new axis values go, at the axis' resolution: m50 and the values either side of it (so the trials nearest m50
    /// lie on both sides: one-sided data correlate the m50 estimate with the width and widen its interval), and m50 +- w
    /// (w = width / (2 z90); for a separated line a quarter of the gap).
    /// </summary>
    private static IEnumerable<double> Candidates(TransitionFit fit, double estimate, List<double> xs, AxisResolution resolution)
    {
        var spread = fit.Status == TransitionStatus.Ok ? fit.Width / (2 * ProbitFit.Z90)
            : double.IsFinite(fit.High - fit.Low) ? (fit.High - fit.Low) / 4
            : Gap(xs, estimate) / 4;
        yield return resolution.Nearest(estimate);
        var (below, above) = resolution.Bracket(estimate);
        yield return below;
        yield return above;
        if (double.IsFinite(spread))
        {
            yield return resolution.Nearest(estimate - spread);
            yield return resolution.Nearest(estimate + spread);
        }
    }

    /// <summary>The width of the gap between existing values that holds x.</summary>
    private static double Gap(List<double> xs, double x) =>
        xs.Zip(xs.Skip(1)).Where(p => p.First <= x && x <= p.Second).Select(p => p.Second - p.First).DefaultIfEmpty(double.NaN).First();

    /// <summary>Without a fit (not monotone, too few values): midway between the last value below a 50% rate and the next one; NaN when none crosses.</summary>
    private static double Crossing(IEnumerable<(double X, CellCount Count)> points)
    {
        var measured = points.Where(p => p.Count.Trials > 0).OrderBy(p => p.X).ToList();
        for (var i = 0; i + 1 < measured.Count; i++)
            if (Rate(measured[i].Count) < 0.5 && Rate(measured[i + 1].Count) >= 0.5)
                return (measured[i].X + measured[i + 1].X) / 2;
        return double.NaN;
    }

    private static double Rate(CellCount c) => (double)c.Successes / c.Trials;

    /// <summary>A cell is undecided while its Wilson 95% interval contains 0.5 (always, before its first trial).</summary>
    private static bool Undecided(CellCount c)
    {
        if (c.Trials == 0)
            return true;
        var (low, high) = WilsonInterval.Of(c.Successes, c.Trials);
        return low <= 0.5 && 0.5 <= high;
    }

    /// <summary>The requests, scaled down to at most <paramref name="budget"/> trials per method (floors, the remainder in request order); those granted none dropped.</summary>
    private static List<(CellDefinition Cell, int Trials)> Grant(List<(CellDefinition Cell, int Trials)> requests, long budget)
    {
        var asked = requests.Sum(r => (long)r.Trials);
        if (budget <= 0)
            return [];
        if (asked <= budget)
            return requests;
        var granted = requests.Select(r => (r.Cell, Trials: (int)(r.Trials * budget / asked))).ToList();
        var left = budget - granted.Sum(g => (long)g.Trials);
        for (var i = 0; i < granted.Count && left > 0; i++, left--)
            granted[i] = (granted[i].Cell, granted[i].Trials + 1);
        return [.. granted.Where(g => g.Trials > 0)];
    }

    /// <summary>
    /// The next definition: granted cells raised by their trials, new cells inserted after the last cell of their line
    /// below them (so a line stays in axis order), every cell re-indexed in that order.
    /// </summary>
    private static SweepDefinition Extend(SweepDefinition current, List<(CellDefinition Cell, int Trials)> granted, string axis)
    {
        var added = granted.ToDictionary(g => g.Cell.Key, g => g.Trials);
        var cells = current.Cells.Select(c => added.TryGetValue(c.Key, out var more) ? c with { Trials = current.TrialsOf(c) + more } : c).ToList();
        var known = current.Cells.Select(c => c.Key).ToHashSet();
        foreach (var (cell, trials) in granted.Where(g => !known.Contains(g.Cell.Key)).OrderBy(g => g.Cell.Parameters[axis]))
        {
            var line = LineKey(cell, axis);
            var below = cells.FindLastIndex(c => LineKey(c, axis) == line && c.Parameters[axis] < cell.Parameters[axis]);
            cells.Insert(below >= 0 ? below + 1 : cells.FindIndex(c => LineKey(c, axis) == line), cell with { Trials = trials });
        }
        return current with { Cells = [.. cells.Select((c, i) => c with { Index = i })] };
    }

    /// <summary>A new cell of a line at axis value x: the line's parameters, keyed by the spec's axes like the loader's cells.</summary>
    private static CellDefinition NewCell(CellDefinition template, string axis, double x, IReadOnlyList<string> axes)
    {
        var parameters = template.Parameters.SetItem(axis, x);
        return new CellDefinition(-1, ParameterText.Set(axes.Select(a => KeyValuePair.Create(a, parameters[a]))), parameters, Trials: 0);
    }

    private static string LineKey(CellDefinition cell, string axis) => TransitionLines.LineKey(cell.Parameters, axis);
}
