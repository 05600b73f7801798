namespace Boards.Participation.Domain.Codes;

/// <summary>
/// One printing of slips: who printed how many, for which municipality, source, quarter and age band, and when they
/// expire. The audit trail of issuance and the denominator of the response rate; its codes are not linked to it.
/// </summary>
public sealed class SlipBatch
{
    private SlipBatch()
    {
        MunicipalityCode = "";
        Source = "";
        Quarter = "";
        AgeBand = "";
        IssuedBy = "";
    }

    public Guid Id { get; private set; }
    public string MunicipalityCode { get; private set; }
    public string Source { get; private set; }
    public string Quarter { get; private set; }
    public string AgeBand { get; private set; }
    public int Count { get; private set; }
    public string IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    /// <summary>The last day (Paraguay) on which its codes may be answered: a day, not an instant, like everything a code keeps.</summary>
    public DateOnly ExpiresOn { get; private set; }

    public static SlipBatch Print(string municipality, string source, string ageBand, int count, string issuedBy, DateTimeOffset now, int lifetimeDays) => new()
    {
        Id = Guid.CreateVersion7(),
        MunicipalityCode = municipality,
        Source = source,
        Quarter = PulseCalendar.QuarterOf(now).ToString(),
        AgeBand = ageBand,
        Count = count,
        IssuedBy = issuedBy.Length > ParticipationLimits.UserName ? issuedBy[..ParticipationLimits.UserName] : issuedBy,
        IssuedAt = now,
        ExpiresOn = PulseCalendar.Today(now).AddDays(lifetimeDays),
    };
}
