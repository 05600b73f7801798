namespace Boards.Referrals.Domain;

/// <summary>
/// One pass of the retention sweep (docs/security.md, "Retention"): when it ran, which closing date it used as the
/// limit, and how many referrals it anonymised. The referrals themselves carry <see cref="Referral.AnonymisedAt"/>.
/// </summary>
public sealed class RetentionRun
{
    private RetentionRun()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private init; }
    public DateTimeOffset ClosedBefore { get; private init; }
    public int Anonymised { get; private set; }

    /// <summary>"automatic" (the background sweep) or the user name of the admin who asked for it.</summary>
    public string StartedBy { get; private init; } = "";

    public static RetentionRun Start(DateTimeOffset at, DateTimeOffset closedBefore, string startedBy) => new()
    {
        At = at,
        ClosedBefore = closedBefore,
        StartedBy = startedBy.Length <= ReferralLimits.Actor ? startedBy : startedBy[..ReferralLimits.Actor],
    };

    public void Count(int anonymised) => Anonymised += anonymised;
}
