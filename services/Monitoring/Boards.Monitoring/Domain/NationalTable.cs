using System.Globalization;
using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Domain;

/// <summary>
/// The national table under filters (docs/monitoring.md, "Filters and reports"): the municipalities of a department
/// and/or cohort, with the referrals created in a period (all time when none), their monthly trend, the current focal
/// point and the service days of the period by institution.
/// </summary>
public sealed record NationalTable(
    ReportPeriod? Period,
    int? Department,
    string? DepartmentName,
    string? Cohort,
    IReadOnlyList<DateOnly> TrendMonths,
    IReadOnlyList<NationalRow> Rows)
{
    /// <summary>Every row's referrals added up.</summary>
    public ReferralCounts Totals => Rows.Select(r => r.Referrals).Aggregate(ReferralCounts.None, (a, b) => new ReferralCounts(
        a.Sent + b.Sent, a.Open + b.Open, a.Accepted + b.Accepted, a.Rejected + b.Rejected, a.Completed + b.Completed,
        a.Failed + b.Failed, a.Cancelled + b.Cancelled, a.Overdue + b.Overdue));

    public double? TotalClosedLoopRate => Indicators.ClosedLoopRate(Totals);

    public int TotalServiceDays => Rows.Sum(r => r.ServiceDays.Held);

    public int TotalPeopleServed => Rows.Sum(r => r.ServiceDays.PeopleServed);

    /// <summary>The pulse's quarters the period overlaps; null for all time (every quarter).</summary>
    public IReadOnlyList<string>? PulseQuarters => PeriodPulse.Quarters(Period);

    /// <summary>Every row's pulse added up: the trust index over all their answers, the rate over all their slips.</summary>
    public PeriodPulse TotalPulse => Rows.Aggregate(PeriodPulse.None, (total, row) => total.Add(row.Pulse));
}

/// <summary>One municipality of the filtered table; its pulse is that of the quarters the period overlaps.</summary>
public sealed record NationalRow(
    string Code,
    string Name,
    string Department,
    int? DepartmentNumber,
    string Cohort,
    ReferralCounts Referrals,
    IReadOnlyList<MonthTrend> Months,
    FocalPointStatus FocalPoint,
    PeriodServiceDays ServiceDays,
    PeriodPulse Pulse)
{
    public double? ClosedLoopRate => Indicators.ClosedLoopRate(Referrals);

    private static readonly CompareInfo SpanishNames = CultureInfo.GetCultureInfo("es-PY").CompareInfo;

    /// <summary>The national table's order: department number (unregistered last), name as Spanish sorts it, code.</summary>
    public static IComparer<NationalRow> DisplayOrder { get; } = Comparer<NationalRow>.Create((a, b) =>
    {
        var byDepartment = (a.DepartmentNumber ?? int.MaxValue).CompareTo(b.DepartmentNumber ?? int.MaxValue);
        if (byDepartment != 0)
        {
            return byDepartment;
        }

        var byName = SpanishNames.Compare(a.Name, b.Name, CompareOptions.IgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(a.Code, b.Code);
    });
}

/// <summary>
/// The board's current focal point (the term appointed at the highest board version) and whether its account has the
/// municipality's focal-point scope now. Not limited by the period: it is the state today.
/// </summary>
public sealed record FocalPointStatus(bool Appointed, string? Access, DateOnly? Since)
{
    public static readonly FocalPointStatus None = new(false, null, null);

    public bool AccessGranted => Appointed && Access == FocalPointAccessCodes.Granted;
}

/// <summary>Service days held in the period (by their date), and each institution's part in them.</summary>
public sealed record PeriodServiceDays(int Held, int PeopleServed, IReadOnlyList<InstitutionServiceDays> ByInstitution)
{
    public static readonly PeriodServiceDays None = new(0, 0, []);
}

/// <summary>Days an institution took part in (delivered at least one service) and the attentions it gave.</summary>
public sealed record InstitutionServiceDays(string Institution, int Days, int Attentions);
