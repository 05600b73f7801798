using System.Globalization;

namespace Boards.Monitoring.Domain;

/// <summary>Referrals counted by their origin municipality. Definitions: docs/monitoring.md.</summary>
public sealed record ReferralCounts(
    int Sent,
    int Open,
    int Accepted,
    int Rejected,
    int Completed,
    int Failed,
    int Cancelled,
    int Overdue)
{
    public static readonly ReferralCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>One municipality's referral indicators, rounded once here so that REST and gRPC say the same.</summary>
public sealed record MunicipalitySummary(
    string Code,
    string Name,
    string Department,
    int? DepartmentNumber,
    ReferralCounts Referrals,
    double? ClosedLoopRate,
    double? MedianDaysToAccept,
    double? MedianDaysToCounterReferral)
{
    /// <summary>The board's latest roster representativity assessment; null when none has arrived.</summary>
    public RepresentativitySnapshot? Representativity { get; init; }

    /// <summary>The same, weighted by attendance to the board's last sessions; null until a session is recorded.</summary>
    public RepresentativitySnapshot? AttendanceRepresentativity { get; init; }

    /// <summary>The largest need-vs-offer gaps of the latest analysis from Needs; null when none has arrived.</summary>
    public GapsSnapshot? Gaps { get; init; }

    /// <summary>Service days reported by ServiceDays, over all time and recently; null when none has arrived.</summary>
    public ServiceDaysSnapshot? ServiceDays { get; init; }

    /// <summary>The current territorial action plan (PAT) from Planning; null when no plan event has arrived.</summary>
    public PlanSnapshot? Plan { get; init; }

    /// <summary>Board sessions from Membership: how many in the last 90 days, and the latest date.</summary>
    public SessionsSnapshot Sessions { get; init; } = SessionsSnapshot.None;

    /// <summary>
    /// Builds the summary from counts and median durations in seconds. A municipality seen only in referrals (not
    /// registered yet) shows its code as name and an empty department.
    /// </summary>
    public static MunicipalitySummary Create(
        string code,
        string? name,
        string? department,
        int? departmentNumber,
        ReferralCounts referrals,
        double? medianSecondsToAccept,
        double? medianSecondsToCounterReferral) =>
        new(
            code,
            string.IsNullOrWhiteSpace(name) ? code : name,
            department ?? "",
            departmentNumber,
            referrals,
            Indicators.ClosedLoopRate(referrals),
            Indicators.Days(medianSecondsToAccept),
            Indicators.Days(medianSecondsToCounterReferral));

    private static readonly CompareInfo SpanishNames = CultureInfo.GetCultureInfo("es-PY").CompareInfo;

    /// <summary>Department number (unregistered municipalities last), then name as Spanish sorts it, then code.</summary>
    public static IComparer<MunicipalitySummary> DisplayOrder { get; } = Comparer<MunicipalitySummary>.Create((a, b) =>
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

public static class Indicators
{
    public const int Decimals = 2;
    public const double SecondsPerDay = 86_400;

    /// <summary>(completed + failed) / (sent − cancelled): of the referrals that were not withdrawn, the share whose loop was closed by a counter-referral. Null when nothing is left to close.</summary>
    public static double? ClosedLoopRate(ReferralCounts counts) =>
        ClosedLoopRate(counts.Completed + counts.Failed, counts.Sent, counts.Cancelled);

    /// <summary>The same rate from its parts: closed loops (completed + failed) ÷ (sent − cancelled); the trend months use it too.</summary>
    public static double? ClosedLoopRate(int closedLoop, int sent, int cancelled)
    {
        var denominator = sent - cancelled;
        return denominator <= 0 ? null : Round((double)closedLoop / denominator);
    }

    public static double? Days(double? seconds) => seconds is null ? null : Round(seconds.Value / SecondsPerDay);

    /// <summary>Two decimals, halves away from zero: the one rounding every figure goes through.</summary>
    public static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
