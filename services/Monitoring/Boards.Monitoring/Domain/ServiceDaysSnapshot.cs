namespace Boards.Monitoring.Domain;

/// <summary>Service days reported for a municipality: how many, the people served and the referrals made, summed.</summary>
public sealed record ServiceDayTotals(int Held, int PeopleServed, int ReferralsMade);

/// <summary>
/// What the summaries show about service days: the totals over all time, the day last held, and the same totals over the
/// recent window (<see cref="RecentWindow"/>) that starts on <see cref="RecentSince"/>.
/// </summary>
public sealed record ServiceDaysSnapshot(ServiceDayTotals AllTime, DateOnly LastHeldOn, ServiceDayTotals Recent, DateOnly RecentSince);
