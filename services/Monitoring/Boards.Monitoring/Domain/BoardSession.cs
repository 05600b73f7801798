namespace Boards.Monitoring.Domain;

/// <summary>What Monitoring keeps of one SessionHeld: the session's municipality and date, by its newest version.</summary>
public sealed record SessionReading(Guid SessionId, string Code, DateOnly Date, long SessionVersion, DateTimeOffset OccurredAt);

/// <summary>
/// One board session, from Membership's SessionHeld: one row per session id, so a redelivered or re-published event
/// counts once. A higher SessionVersion (e.g. a corrected date) replaces the row; the same or a lower one is old news.
/// </summary>
public sealed class BoardSession
{
    private BoardSession()
    {
        Code = "";
    }

    public Guid SessionId { get; private set; }
    public string Code { get; private set; }
    public DateOnly Date { get; private set; }
    public long SessionVersion { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static BoardSession From(SessionReading reading) => new()
    {
        SessionId = reading.SessionId,
        Code = reading.Code,
        Date = reading.Date,
        SessionVersion = reading.SessionVersion,
        UpdatedAt = reading.OccurredAt,
    };

    /// <summary>Applies a newer version of the session; returns whether the row changed.</summary>
    public bool Apply(SessionReading reading)
    {
        if (reading.SessionId != SessionId)
        {
            throw new ArgumentException($"The reading is for session {reading.SessionId}, not {SessionId}.", nameof(reading));
        }

        if (reading.SessionVersion <= SessionVersion)
        {
            return false;
        }

        Code = reading.Code;
        Date = reading.Date;
        SessionVersion = reading.SessionVersion;
        UpdatedAt = reading.OccurredAt;
        return true;
    }
}

/// <summary>What the summary shows about board sessions: how many in the recent window, and the latest date (null if none).</summary>
public sealed record SessionsSnapshot(int Last90Days, DateOnly? LastSessionOn)
{
    public static readonly SessionsSnapshot None = new(0, null);
}
