namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// One reading of a board's state, kept for good so that the open data can say what was true at the end of any month:
/// a representativity assessment (on either basis), a plan's progress, a gap analysis. The read model's own tables keep
/// only the latest; this history is appended to by the same consumers, and a reading seen again changes nothing.
/// </summary>
public sealed class IndicatorReading
{
    private IndicatorReading()
    {
        Code = "";
        Kind = "";
        Gaps = [];
    }

    public string Code { get; private set; }

    /// <summary>One of <see cref="IndicatorKinds"/>.</summary>
    public string Kind { get; private set; }

    /// <summary>The assessment, plan or analysis the reading comes from.</summary>
    public Guid SourceId { get; private set; }

    /// <summary>When it was true: assessed, computed, or the plan event's OccurredAt.</summary>
    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>The plan's year (a later year's plan replaces an earlier one); null for the other kinds.</summary>
    public int? Year { get; private set; }

    /// <summary>The score (0–100) or the plan's progress (0–100); null for a gap analysis.</summary>
    public decimal? Value { get; private set; }

    /// <summary>A gap analysis's categories, as published; empty for the other kinds.</summary>
    public List<CategoryGapValue> Gaps { get; private set; }

    public static IndicatorReading Of(RepresentativityReading reading) => new()
    {
        Code = reading.Code,
        Kind = reading.Basis == RepresentativityBasis.Attendance ? IndicatorKinds.AttendanceRepresentativity : IndicatorKinds.RosterRepresentativity,
        SourceId = reading.AssessmentId,
        TakenAt = reading.AssessedAt,
        Value = reading.Score,
    };

    public static IndicatorReading OfPlan(string code, Guid planId, int year, decimal progress, DateTimeOffset occurredAt) => new()
    {
        Code = code,
        Kind = IndicatorKinds.PlanProgress,
        SourceId = planId,
        TakenAt = occurredAt,
        Year = year,
        Value = progress,
    };

    public static IndicatorReading Of(GapAnalysisReading reading) => new()
    {
        Code = reading.Code,
        Kind = IndicatorKinds.GapAnalysis,
        SourceId = reading.AnalysisId,
        TakenAt = reading.ComputedAt,
        Gaps = reading.Categories.ToList(),
    };
}

public static class IndicatorKinds
{
    public const string RosterRepresentativity = "representativity_roster";
    public const string AttendanceRepresentativity = "representativity_attendance";
    public const string PlanProgress = "plan_progress";
    public const string GapAnalysis = "gap_analysis";
}
