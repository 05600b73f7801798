namespace Boards.Portal.Ministry.Reports;

// Monitoring's filtered national table (GET /api/monitoring/national); see docs/monitoring.md, "Filters and reports".

public sealed record NationalTableView
{
    public ReportPeriodView? Period { get; init; }
    public ReportDepartmentView? Department { get; init; }
    public string? Cohort { get; init; }
    public List<string> Months { get; init; } = [];
    public List<NationalRowView> Municipalities { get; init; } = [];
    public NationalTotalsView Totals { get; init; } = new();

    /// <summary>The pulse's quarters the period overlaps ("2026-Q1"); null for all time.</summary>
    public List<string>? PulseQuarters { get; init; }
}

public sealed record ReportPeriodView
{
    public string Code { get; init; } = "";
    public string Kind { get; init; } = "";
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
}

public sealed record ReportDepartmentView
{
    public int Number { get; init; }
    public string? Name { get; init; }
}

public sealed record NationalRowView
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Department { get; init; } = "";
    public string Cohort { get; init; } = "";
    public ReferralCountsView Referrals { get; init; } = new();
    public double? ClosedLoopRate { get; init; }
    public List<ReportMonthView> Months { get; init; } = [];
    public FocalPointStatusView FocalPoint { get; init; } = new();
    public PeriodServiceDaysView ServiceDays { get; init; } = new();
    public PeriodPulseView Pulse { get; init; } = new();
}

/// <summary>The trust index (0–100) with its n and the response rate (%) of the quarters the period overlaps.</summary>
public sealed record PeriodPulseView
{
    public PulseMeasureView Trust { get; init; } = new();
    public decimal? ResponseRate { get; init; }
    public int AnswersWithCode { get; init; }
    public int SlipsPrinted { get; init; }
}

public sealed record PulseMeasureView
{
    public decimal? Value { get; init; }
    public int Answers { get; init; }
}

public sealed record ReportMonthView
{
    public string Month { get; init; } = "";
    public int Sent { get; init; }
    public int ClosedLoop { get; init; }
    public int Cancelled { get; init; }
    public double? ClosedLoopRate { get; init; }
}

public sealed record FocalPointStatusView
{
    public bool Appointed { get; init; }
    public bool AccessGranted { get; init; }
    public string? Access { get; init; }
    public DateOnly? Since { get; init; }
}

public sealed record PeriodServiceDaysView
{
    public int Held { get; init; }
    public int PeopleServed { get; init; }
    public List<InstitutionServiceDaysView> ByInstitution { get; init; } = [];
}

public sealed record InstitutionServiceDaysView
{
    public string Institution { get; init; } = "";
    public int Days { get; init; }
    public int Attentions { get; init; }
}

public sealed record NationalTotalsView
{
    public ReferralCountsView Referrals { get; init; } = new();
    public double? ClosedLoopRate { get; init; }
    public int ServiceDaysHeld { get; init; }
    public int PeopleServed { get; init; }
    public PeriodPulseView Pulse { get; init; } = new();
}
