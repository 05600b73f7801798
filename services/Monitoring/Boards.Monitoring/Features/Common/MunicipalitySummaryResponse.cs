namespace Boards.Monitoring.Features.Common;

/// <summary>REST shape of one municipality (camelCase JSON). Null rates and medians mean "not defined yet".</summary>
public sealed record MunicipalitySummaryResponse(
    string Code,
    string Name,
    string Department,
    ReferralCountsResponse Referrals,
    double? ClosedLoopRate,
    double? MedianDaysToAccept,
    double? MedianDaysToCounterReferral,
    RepresentativityResponse? Representativity,
    RepresentativityResponse? AttendanceRepresentativity,
    GapsResponse? Gaps,
    ServiceDaysResponse? ServiceDays,
    PlanResponse? Plan,
    SessionsResponse Sessions)
{
    public static MunicipalitySummaryResponse From(MunicipalitySummary summary) => new(
        summary.Code,
        summary.Name,
        summary.Department,
        ReferralCountsResponse.From(summary.Referrals),
        summary.ClosedLoopRate,
        summary.MedianDaysToAccept,
        summary.MedianDaysToCounterReferral,
        RepresentativityResponse.From(summary.Representativity),
        RepresentativityResponse.From(summary.AttendanceRepresentativity),
        GapsResponse.From(summary.Gaps),
        ServiceDaysResponse.From(summary.ServiceDays),
        PlanResponse.From(summary.Plan),
        new SessionsResponse(summary.Sessions.Last90Days, summary.Sessions.LastSessionOn));
}

/// <summary>Board sessions: those dated in the 90 days up to today (Paraguay), and the latest date (null before any).</summary>
public sealed record SessionsResponse(int Last90Days, DateOnly? LastSessionOn);

/// <summary>
/// A board's latest representativity on one basis: score 0–100 (one decimal), the policy version behind it, the gaps in
/// Spanish. <c>representativity</c> is the roster; <c>attendanceRepresentativity</c> weights members by attendance.
/// </summary>
public sealed record RepresentativityResponse(decimal Score, int PolicyVersion, IReadOnlyList<string> Gaps, DateTimeOffset AssessedAt)
{
    public static RepresentativityResponse? From(RepresentativitySnapshot? snapshot) =>
        snapshot is { } r ? new RepresentativityResponse(r.Score, r.PolicyVersion, r.Gaps, r.AssessedAt) : null;
}

public sealed record ReferralCountsResponse(
    int Sent,
    int Open,
    int Accepted,
    int Rejected,
    int Completed,
    int Failed,
    int Cancelled,
    int Overdue)
{
    public static ReferralCountsResponse From(ReferralCounts counts) => new(
        counts.Sent, counts.Open, counts.Accepted, counts.Rejected, counts.Completed, counts.Failed, counts.Cancelled, counts.Overdue);
}
