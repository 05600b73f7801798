namespace Boards.ServiceDays.Domain;

/// <summary>
/// One pass of the retention sweep (docs/security.md, "Retention"): when it ran, which reception date it used as the
/// limit, and how many undelivered referral entries lost the person's data. The entries themselves become expired.
/// </summary>
public sealed class RetentionRun
{
    public const int StartedByLength = 200;

    private RetentionRun()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private init; }
    public DateTimeOffset ReceivedBefore { get; private init; }
    public int Erased { get; private set; }

    /// <summary>"automatic" (the background sweep) or the user name of the admin who asked for it.</summary>
    public string StartedBy { get; private init; } = "";

    public static RetentionRun Start(DateTimeOffset at, DateTimeOffset receivedBefore, string startedBy) => new()
    {
        At = at,
        ReceivedBefore = receivedBefore,
        StartedBy = startedBy.Length <= StartedByLength ? startedBy : startedBy[..StartedByLength],
    };

    public void Count(int erased) => Erased += erased;
}
