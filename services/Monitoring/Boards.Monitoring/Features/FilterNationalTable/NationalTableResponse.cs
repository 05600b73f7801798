using System.Globalization;
using Boards.Monitoring.Domain.Pulse;
using Boards.Monitoring.Features.Common;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.GetPulse;

namespace Boards.Monitoring.Features.FilterNationalTable;

/// <summary>
/// REST shape of the filtered national table (camelCase JSON): the filters applied, each municipality, the totals, and
/// <c>pulseQuarters</c>, the pulse's quarters the period overlaps (null for all time: every quarter).
/// </summary>
public sealed record NationalTableResponse(
    PeriodResponse? Period,
    DepartmentResponse? Department,
    string? Cohort,
    IReadOnlyList<string> Months,
    IReadOnlyList<NationalRowResponse> Municipalities,
    NationalTotalsResponse Totals,
    IReadOnlyList<string>? PulseQuarters)
{
    public static NationalTableResponse From(NationalTable table) => new(
        table.Period is { } period
            ? new PeriodResponse(period.Code, period.Kind.ToString().ToLowerInvariant(), period.FirstMonth, period.LastDay)
            : null,
        table.Department is { } number ? new DepartmentResponse(number, table.DepartmentName) : null,
        table.Cohort,
        [.. table.TrendMonths.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
        [.. table.Rows.Select(NationalRowResponse.From)],
        new NationalTotalsResponse(
            ReferralCountsResponse.From(table.Totals), table.TotalClosedLoopRate, table.TotalServiceDays, table.TotalPeopleServed,
            PeriodPulseResponse.From(table.TotalPulse)),
        table.PulseQuarters);
}

/// <summary><c>kind</c> month, quarter or year; <c>from</c> and <c>to</c> its first and last day (Paraguay).</summary>
public sealed record PeriodResponse(string Code, string Kind, DateOnly From, DateOnly To);

/// <summary>The department asked for; <c>name</c> null when no municipality of it is registered.</summary>
public sealed record DepartmentResponse(int Number, string? Name);

public sealed record NationalRowResponse(
    string Code,
    string Name,
    string Department,
    int? DepartmentNumber,
    string Cohort,
    ReferralCountsResponse Referrals,
    double? ClosedLoopRate,
    IReadOnlyList<MonthTrendResponse> Months,
    FocalPointResponse FocalPoint,
    PeriodServiceDaysResponse ServiceDays,
    PeriodPulseResponse Pulse)
{
    public static NationalRowResponse From(NationalRow row) => new(
        row.Code,
        row.Name,
        row.Department,
        row.DepartmentNumber,
        row.Cohort,
        ReferralCountsResponse.From(row.Referrals),
        row.ClosedLoopRate,
        [.. row.Months.Select(m => new MonthTrendResponse(m.Month, m.Sent, m.ClosedLoop, m.Cancelled, m.ClosedLoopRate))],
        new FocalPointResponse(row.FocalPoint.Appointed, row.FocalPoint.AccessGranted, row.FocalPoint.Access, row.FocalPoint.Since),
        new PeriodServiceDaysResponse(row.ServiceDays.Held, row.ServiceDays.PeopleServed,
            [.. row.ServiceDays.ByInstitution.Select(i => new InstitutionServiceDaysResponse(i.Institution, i.Days, i.Attentions))]),
        PeriodPulseResponse.From(row.Pulse));
}

/// <summary>
/// The pulse of the quarters the period overlaps: the trust index (0–100) with its n (<c>trust.answers</c>), and the
/// response rate (%) = answers with a code ÷ slips printed.
/// </summary>
public sealed record PeriodPulseResponse(MeasureResponse Trust, decimal? ResponseRate, int AnswersWithCode, int SlipsPrinted)
{
    public static PeriodPulseResponse From(PeriodPulse pulse) =>
        new(MeasureResponse.From(pulse.Trust), pulse.ResponseRate, pulse.AnswersWithCode, pulse.SlipsPrinted);
}

/// <summary>The current focal point: appointed, and whether its account holds the municipality's scope (<c>access</c> as Membership records it).</summary>
public sealed record FocalPointResponse(bool Appointed, bool AccessGranted, string? Access, DateOnly? Since);

public sealed record PeriodServiceDaysResponse(int Held, int PeopleServed, IReadOnlyList<InstitutionServiceDaysResponse> ByInstitution);

public sealed record InstitutionServiceDaysResponse(string Institution, int Days, int Attentions);

public sealed record NationalTotalsResponse(
    ReferralCountsResponse Referrals, double? ClosedLoopRate, int ServiceDaysHeld, int PeopleServed, PeriodPulseResponse Pulse);
