namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// Decides what of a month's referral cohort may be published (docs/open-data.md, "Suppression"). The cohort is a table:
/// one row per need category, split into closed and not closed, with the sent, closed and not-closed totals. Every cell
/// of it counts people, printed or not (not closed is sent − closed), so:
/// <list type="number">
/// <item>Primary: a row with a small closed or not-closed count is withheld whole (its sent and closed cells).</item>
/// <item>Complementary: withheld rows must not be recoverable from the totals. More rows are withheld, smallest sent
/// first, until there are at least two, and their sent, closed and not-closed sums are each zero or at least the
/// threshold, and their sent sum is at least threshold + rows − 2. Then anyone solving the published totals finds
/// every withheld sent cell anywhere from 1 to the threshold − 1, and every closed or not-closed one from 0 to it.</item>
/// <item>Totals: a small sent total withholds everything. A small closed or not-closed total withholds the closed
/// column (its total, its cells and the rate); the rows are then judged on sent alone. When not even every row
/// together passes the complementary rule, the totals are withheld too.</item>
/// <item>The closed-loop rate, with the sent and closed totals, gives away the cancelled count: it is published only
/// when the cancelled and the neither-closed-nor-cancelled counts are zero or at least the threshold.</item>
/// </list>
/// Zero is published: it singles nobody out.
/// </summary>
public static class CohortSuppression
{
    public static PublishedCohort Apply(IEnumerable<CohortRow> cohort, DisclosureThreshold threshold)
    {
        var rows = cohort.Where(r => r.Sent > 0).OrderBy(r => r.Category, StringComparer.Ordinal).ToList();
        rows.ForEach(r => r.Validate());
        if (rows.Select(r => r.Category).Distinct(StringComparer.Ordinal).Count() != rows.Count)
        {
            throw new ArgumentException("A cohort has one row per need category.", nameof(cohort));
        }

        var sent = rows.Sum(r => r.Sent);
        var closed = rows.Sum(r => r.Closed);
        if (sent == 0)
        {
            return PublishedCohort.Empty;
        }

        if (threshold.IsSmall(sent))
        {
            return Withheld(rows);
        }

        var closedColumn = threshold.IsSafe(closed) && threshold.IsSafe(sent - closed);
        Func<CohortRow, int[]> parts = closedColumn ? r => [r.Closed, r.NotClosed] : r => [r.Sent];
        var hidden = rows.Where(r => parts(r).Any(threshold.IsSmall)).ToHashSet();
        if (hidden.Count > 0 && !Complete(hidden, rows, parts, threshold))
        {
            return Withheld(rows);
        }

        var published = rows.Select(r => hidden.Contains(r)
                ? new PublishedCohortRow(r.Category, Figure.Suppressed, Figure.Suppressed)
                : new PublishedCohortRow(r.Category, Figure.Of(r.Sent), closedColumn ? Figure.Of(r.Closed) : Figure.Suppressed))
            .ToList();
        return new PublishedCohort(
            published,
            Figure.Of(sent),
            closedColumn ? Figure.Of(closed) : Figure.Suppressed,
            closedColumn ? Rate(sent, closed, rows.Sum(r => r.Cancelled), threshold) : Figure.Suppressed);
    }

    /// <summary>
    /// Adds rows to <paramref name="hidden"/>, smallest sent first (then by category), until the complementary rule
    /// holds; false when even every row together does not (the totals must go too).
    /// </summary>
    private static bool Complete(HashSet<CohortRow> hidden, List<CohortRow> rows, Func<CohortRow, int[]> parts, DisclosureThreshold threshold)
    {
        var candidates = new Queue<CohortRow>(rows.Where(r => !hidden.Contains(r))
            .OrderBy(r => r.Sent).ThenBy(r => r.Category, StringComparer.Ordinal));
        while (!Protected(hidden, parts, threshold))
        {
            if (!candidates.TryDequeue(out var next))
            {
                return false;
            }

            hidden.Add(next);
        }

        return true;
    }

    /// <summary>The complementary rule: nothing of the withheld rows can be solved from the published totals.</summary>
    public static bool Protected(IReadOnlyCollection<CohortRow> hidden, Func<CohortRow, int[]> parts, DisclosureThreshold threshold)
    {
        if (hidden.Count < 2 || hidden.Sum(r => r.Sent) < threshold.Value + hidden.Count - 2)
        {
            return false;
        }

        var width = parts(hidden.First()).Length;
        return Enumerable.Range(0, width).All(i => threshold.IsSafe(hidden.Sum(r => parts(r)[i])));
    }

    private static Figure Rate(int sent, int closed, int cancelled, DisclosureThreshold threshold)
    {
        var denominator = sent - cancelled;
        if (denominator <= 0)
        {
            return Figure.NoData;
        }

        return threshold.IsSafe(cancelled) && threshold.IsSafe(denominator - closed)
            ? Figure.Of(Indicators.ClosedLoopRate(closed, sent, cancelled))
            : Figure.Suppressed;
    }

    private static PublishedCohort Withheld(List<CohortRow> rows) => new(
        rows.Select(r => new PublishedCohortRow(r.Category, Figure.Suppressed, Figure.Suppressed)).ToList(),
        Figure.Suppressed,
        Figure.Suppressed,
        Figure.Suppressed);
}
