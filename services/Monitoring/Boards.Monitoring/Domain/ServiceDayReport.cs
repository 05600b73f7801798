namespace Boards.Monitoring.Domain;

/// <summary>
/// One service day (jornada) as its latest report says, from ServiceDays' ServiceDayHeld: where and when it was held and
/// what it achieved. A corrected report (higher ReportVersion) replaces it; an older or equal one is ignored.
/// </summary>
public sealed class ServiceDayReport
{
    private ServiceDayReport()
    {
        Code = "";
    }

    public Guid ServiceDayId { get; private set; }
    public string Code { get; private set; }
    public DateOnly Date { get; private set; }
    public int PeopleServed { get; private set; }
    public int ReferralsMade { get; private set; }
    public int ReportVersion { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }

    public static ServiceDayReport From(ServiceDayReading reading)
    {
        var row = new ServiceDayReport { ServiceDayId = reading.ServiceDayId };
        row.Take(reading);
        return row;
    }

    /// <summary>Applies a corrected report; false (nothing changes) when its version is not higher than the one held.</summary>
    public bool Apply(ServiceDayReading reading)
    {
        if (reading.ServiceDayId != ServiceDayId)
        {
            throw new ArgumentException($"The report is for {reading.ServiceDayId}, not {ServiceDayId}.", nameof(reading));
        }

        if (reading.ReportVersion <= ReportVersion)
        {
            return false;
        }

        Take(reading);
        return true;
    }

    private void Take(ServiceDayReading reading)
    {
        Code = reading.Code;
        Date = reading.Date;
        PeopleServed = reading.PeopleServed;
        ReferralsMade = reading.ReferralsMade;
        ReportVersion = reading.ReportVersion;
        ReportedAt = reading.ReportedAt;
    }
}

public sealed record ServiceDayReading(
    Guid ServiceDayId, string Code, DateOnly Date, int PeopleServed, int ReferralsMade, int ReportVersion, DateTimeOffset ReportedAt)
{
    /// <summary>What each institution delivered on the day, one entry per institution (the report's services added up).</summary>
    public IReadOnlyList<InstitutionDelivery> Institutions { get; init; } = [];
}

/// <summary>One institution's part in a service day: attentions given and how many distinct services it gave them with.</summary>
public sealed record InstitutionDelivery(string InstitutionCode, int Attentions, int Services);
