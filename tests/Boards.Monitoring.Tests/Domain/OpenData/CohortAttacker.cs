using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Tests.Domain.OpenData;

/// <summary>
/// An attacker who holds everything published about one month of one municipality — each category's sent and closed
/// cells, the sent and closed totals, the closed-loop rate (which ties in the cancelled count) and the status of the
/// counter-referral median (which says whether the closed count is 0, small or not) — and solves for the rest exactly.
/// Its unknowns are each category's closed and not-closed counts and the cancelled count; all it assumes of them is that
/// they are whole numbers, not negative, and that a listed category had at least one referral. <see cref="Solve"/>
/// returns, for every count, each value that some complete table consistent with all of that gives it: one value means
/// the count is solved. Values are searched up to <c>bound</c> where no published total bounds them.
/// </summary>
public sealed class CohortAttacker(DisclosureThreshold threshold, int bound)
{
    public enum Cell { Sent, Closed, NotClosed }

    public sealed record Solution(
        IReadOnlyList<IReadOnlyDictionary<Cell, SortedSet<int>>> Rows,
        SortedSet<int> Sent,
        SortedSet<int> Closed,
        SortedSet<int> NotClosed,
        SortedSet<int> Cancelled);

    private readonly record struct Pair(int Closed, int NotClosed);

    public Solution Solve(PublishedCohort published, Figure counterMedian)
    {
        var maxClosed = Known(published.Closed) ?? Known(published.Sent) ?? bound;
        var maxNotClosed = (Known(published.Sent) ?? bound) - (Known(published.Closed) ?? 0);
        var options = published.Rows.Select(r => Options(r, maxClosed, maxNotClosed).ToList()).ToList();

        // Every (closed, not closed) total the published totals, rate and median allow, with the cancelled counts that fit.
        var good = new Dictionary<Pair, List<int>>();
        for (var closed = 0; closed <= maxClosed; closed++)
        {
            for (var notClosed = 0; notClosed <= maxNotClosed; notClosed++)
            {
                var cancelled = Cancelled(published, counterMedian, closed, notClosed);
                if (cancelled.Count > 0)
                {
                    good[new Pair(closed, notClosed)] = cancelled;
                }
            }
        }

        var rows = new List<IReadOnlyDictionary<Cell, SortedSet<int>>>();
        for (var i = 0; i < options.Count; i++)
        {
            var others = Reachable(options, skip: i, maxClosed, maxNotClosed);
            var values = new Dictionary<Cell, SortedSet<int>> { [Cell.Sent] = [], [Cell.Closed] = [], [Cell.NotClosed] = [] };
            foreach (var option in options[i])
            {
                if (good.Keys.Any(g => others.Contains(new Pair(g.Closed - option.Closed, g.NotClosed - option.NotClosed))))
                {
                    values[Cell.Sent].Add(option.Closed + option.NotClosed);
                    values[Cell.Closed].Add(option.Closed);
                    values[Cell.NotClosed].Add(option.NotClosed);
                }
            }

            rows.Add(values);
        }

        var all = Reachable(options, skip: -1, maxClosed, maxNotClosed);
        var totals = good.Where(g => all.Contains(g.Key)).ToList();
        return new Solution(
            rows,
            new SortedSet<int>(totals.Select(t => t.Key.Closed + t.Key.NotClosed)),
            new SortedSet<int>(totals.Select(t => t.Key.Closed)),
            new SortedSet<int>(totals.Select(t => t.Key.NotClosed)),
            new SortedSet<int>(totals.SelectMany(t => t.Value)));
    }

    /// <summary>Every (closed, not closed) sum the rows other than <paramref name="skip"/> can reach.</summary>
    private static HashSet<Pair> Reachable(List<List<Pair>> options, int skip, int maxClosed, int maxNotClosed)
    {
        var reached = new HashSet<Pair> { new(0, 0) };
        for (var i = 0; i < options.Count; i++)
        {
            if (i == skip)
            {
                continue;
            }

            var next = new HashSet<Pair>();
            foreach (var sum in reached)
            {
                foreach (var option in options[i])
                {
                    var pair = new Pair(sum.Closed + option.Closed, sum.NotClosed + option.NotClosed);
                    if (pair.Closed <= maxClosed && pair.NotClosed <= maxNotClosed)
                    {
                        next.Add(pair);
                    }
                }
            }

            reached = next;
        }

        return reached;
    }

    /// <summary>A row's possible (closed, not closed): what its published cells allow, with at least one referral.</summary>
    private static IEnumerable<Pair> Options(PublishedCohortRow row, int maxClosed, int maxNotClosed)
    {
        for (var closed = 0; closed <= maxClosed; closed++)
        {
            for (var notClosed = 0; notClosed <= maxNotClosed; notClosed++)
            {
                if (closed + notClosed >= 1
                    && (Known(row.Sent) is not { } sent || sent == closed + notClosed)
                    && (Known(row.Closed) is not { } known || known == closed))
                {
                    yield return new Pair(closed, notClosed);
                }
            }
        }
    }

    /// <summary>The cancelled counts that make these totals fit the published totals, the median's status and the rate.</summary>
    private List<int> Cancelled(PublishedCohort published, Figure counterMedian, int closed, int notClosed)
    {
        var sent = closed + notClosed;
        var medianFits = counterMedian.Status switch
        {
            FigureStatus.NoData => closed == 0,
            FigureStatus.Suppressed => threshold.IsSmall(closed),
            _ => closed >= threshold.Value,
        };
        if ((Known(published.Sent) is { } s && s != sent) || (Known(published.Closed) is { } k && k != closed) || !medianFits)
        {
            return [];
        }

        return Enumerable.Range(0, notClosed + 1).Where(c => published.ClosedLoopRate.Status switch
        {
            FigureStatus.Published => Indicators.ClosedLoopRate(closed, sent, c) is { } rate && rate.Equals(published.ClosedLoopRate.Value),
            FigureStatus.NoData => sent - c <= 0,
            _ => true,
        }).ToList();
    }

    private static int? Known(Figure figure) => figure.Status == FigureStatus.Published ? (int)figure.Value!.Value : null;
}
