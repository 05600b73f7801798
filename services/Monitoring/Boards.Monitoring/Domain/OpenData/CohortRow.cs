namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// The referrals of one need category sent in one month (the cohort) from one municipality: how many, how many of them a
/// counter-referral has closed by now (completed or failed), and how many were cancelled by now.
/// </summary>
public sealed record CohortRow(string Category, int Sent, int Closed, int Cancelled)
{
    /// <summary>Sent and not closed (open, rejected or cancelled): a count of people too, though never printed.</summary>
    public int NotClosed => Sent - Closed;

    public void Validate()
    {
        if (Sent < 0 || Closed < 0 || Cancelled < 0 || Closed + Cancelled > Sent)
        {
            throw new ArgumentException(
                $"Category '{Category}': sent {Sent}, closed {Closed} and cancelled {Cancelled} do not add up.", nameof(Category));
        }
    }
}

/// <summary>A category's row as published: both cells, or both withheld (a row is never half published).</summary>
public sealed record PublishedCohortRow(string Category, Figure Sent, Figure Closed);

/// <summary>
/// A month's referral cohort as published: the rows by need category, the totals, and the closed-loop rate
/// (closed ÷ (sent − cancelled)). What is withheld, and why, is <see cref="CohortSuppression"/>'s to decide.
/// </summary>
public sealed record PublishedCohort(IReadOnlyList<PublishedCohortRow> Rows, Figure Sent, Figure Closed, Figure ClosedLoopRate)
{
    public static PublishedCohort Empty { get; } = new([], Figure.Of(0), Figure.Of(0), Figure.NoData);
}
