namespace Boards.Monitoring.Features.Common;

/// <summary>
/// Service days (jornadas) reported for the municipality: over all time, the date of the latest one, and the same
/// totals over the 90 days up to today (<c>last90Days.since</c> is its first day). Null until a report arrives.
/// </summary>
public sealed record ServiceDaysResponse(int Held, int PeopleServed, int ReferralsMade, DateOnly LastHeldOn, RecentServiceDaysResponse Last90Days)
{
    public static ServiceDaysResponse? From(ServiceDaysSnapshot? snapshot) => snapshot is null
        ? null
        : new ServiceDaysResponse(
            snapshot.AllTime.Held,
            snapshot.AllTime.PeopleServed,
            snapshot.AllTime.ReferralsMade,
            snapshot.LastHeldOn,
            new RecentServiceDaysResponse(snapshot.RecentSince, snapshot.Recent.Held, snapshot.Recent.PeopleServed, snapshot.Recent.ReferralsMade));
}

public sealed record RecentServiceDaysResponse(DateOnly Since, int Held, int PeopleServed, int ReferralsMade);
