using Boards.ServiceDays.Contracts.Reports;

namespace Boards.ServiceDays.Features.Common;

public sealed record ServiceView(string Code, string Name);

public sealed record ParticipationView(string InstitutionCode, IReadOnlyList<ServiceView> Services);

public sealed record AttendanceFiguresView(int PeopleServed, int IdentifiedPeople, int AnonymousAttentions, int Batches, IReadOnlyList<ServiceDelivered> ServicesDelivered);

/// <summary>Expired: not delivered within the retention period, the person data erased (never sent).</summary>
public sealed record ReferralFiguresView(int Sent, int Pending, int Failed, int Expired);

public sealed record ReportView(int ReportVersion, DateTimeOffset ReportedAt, string ReportedBy, int PeopleServed, int ReferralsMade, string? Notes);

/// <summary>A day as people and tablets see it, with its live figures (and the report once submitted).</summary>
public sealed record ServiceDayView(
    Guid Id,
    string MunicipalityCode,
    string Locality,
    DateOnly Date,
    string Venue,
    string Status,
    int ExpectedAttendance,
    IReadOnlyList<ParticipationView> Institutions,
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? HeldAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    AttendanceFiguresView Attendance,
    ReferralFiguresView Referrals,
    ReportView? Report)
{
    public static ServiceDayView From(ServiceDayResult result) => From(result.Day, result.Figures);

    public static ServiceDayView From(ServiceDay day, DayFigures figures) => new(
        day.Id,
        day.MunicipalityCode,
        day.Locality,
        day.Date,
        day.Venue,
        day.Status.Code(),
        day.ExpectedAttendance,
        day.Services.GroupBy(s => s.InstitutionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ParticipationView(g.Key, g.OrderBy(s => s.ServiceCode, StringComparer.Ordinal).Select(s => new ServiceView(s.ServiceCode, s.ServiceName)).ToList()))
            .ToList(),
        day.Version,
        day.CreatedAt,
        day.CreatedBy,
        day.ConfirmedAt,
        day.HeldAt,
        day.CancelledAt,
        day.CancellationReason,
        new AttendanceFiguresView(figures.PeopleServed, figures.IdentifiedPeople, figures.AnonymousAttentions, figures.Batches, figures.ServicesDelivered),
        new ReferralFiguresView(figures.ReferralsSent, figures.ReferralsPending, figures.ReferralsFailed, figures.ReferralsExpired),
        day.ReportedAt is { } reportedAt
            ? new ReportView(day.ReportVersion, reportedAt, day.ReportedBy ?? "", day.ReportedPeopleServed, day.ReportedReferralsMade, day.ReportNotes)
            : null);
}
