namespace Boards.Portal.Ministry;

// Monitoring's municipality summary (GET /api/monitoring/municipalities[/{code}]); see docs/monitoring.md, "Shapes".

public sealed record MunicipalitySummaryView
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Department { get; init; } = "";
    public ReferralCountsView Referrals { get; init; } = new();
    public double? ClosedLoopRate { get; init; }
    public double? MedianDaysToAccept { get; init; }
    public double? MedianDaysToCounterReferral { get; init; }
    public RepresentativityView? Representativity { get; init; }
    public RepresentativityView? AttendanceRepresentativity { get; init; }
    public GapsView? Gaps { get; init; }
    public ServiceDaysView? ServiceDays { get; init; }
    public PlanView? Plan { get; init; }
    public BoardSessionsView? Sessions { get; init; }

    /// <summary>The largest gap (Needs' top category with unmet demand), if any.</summary>
    public CategoryGapView? TopGap => Gaps?.Top.FirstOrDefault();
}

public sealed record ReferralCountsView
{
    public int Sent { get; init; }
    public int Open { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Cancelled { get; init; }
    public int Overdue { get; init; }
}

public sealed record RepresentativityView
{
    public decimal Score { get; init; }
    public int PolicyVersion { get; init; }
    public IReadOnlyList<string> Gaps { get; init; } = [];
    public DateTimeOffset AssessedAt { get; init; }
}

public sealed record GapsView
{
    public DateTimeOffset ComputedAt { get; init; }
    public string Trigger { get; init; } = "";
    public string? Period { get; init; }
    public IReadOnlyList<CategoryGapView> Top { get; init; } = [];
}

public sealed record CategoryGapView
{
    public string Category { get; init; } = "";
    public string CategoryName { get; init; } = "";
    public int PeopleAffected { get; init; }
    public int Demand { get; init; }
    public int OfferCapacity { get; init; }
    public double? CoverageRatio { get; init; }
    public int UnmetDemand { get; init; }
    public int RejectedNoCapacity { get; init; }
    public int RejectedNotOffered { get; init; }
    public int CounterReferredNoCapacity { get; init; }
}

public sealed record ServiceDaysView
{
    public int Held { get; init; }
    public int PeopleServed { get; init; }
    public int ReferralsMade { get; init; }
    public DateOnly LastHeldOn { get; init; }
    public RecentServiceDaysView Last90Days { get; init; } = new();
}

public sealed record RecentServiceDaysView
{
    public DateOnly Since { get; init; }
    public int Held { get; init; }
    public int PeopleServed { get; init; }
    public int ReferralsMade { get; init; }
}

public sealed record PlanView
{
    public int Year { get; init; }
    public int? Version { get; init; }
    public decimal Progress { get; init; }
    public int ActionCount { get; init; }
    public int OverdueActions { get; init; }
    public int DoneActions { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Board sessions (SessionHeld): how many in the last 90 days (Paraguay's calendar) and the latest date.</summary>
public sealed record BoardSessionsView(int Last90Days, DateOnly? LastSessionOn);

// GET /api/monitoring/municipalities/{code}/trends: the drill-down's charts over time.

public sealed record MunicipalityTrendsView(string Code, IReadOnlyList<MonthTrendView> Months, IReadOnlyList<CategoryCountView> ByCategory, IReadOnlyList<ReasonCountView> RejectionsByReason);

/// <summary>Referrals created in the month (Paraguay's time) and how many of them closed the loop; the rate excludes cancelled ones.</summary>
public sealed record MonthTrendView(string Month, int Sent, int ClosedLoop, int Cancelled, double? ClosedLoopRate);

public sealed record CategoryCountView(string Category, int Count);

public sealed record ReasonCountView(string Reason, int Count);
