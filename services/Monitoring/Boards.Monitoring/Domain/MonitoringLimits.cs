namespace Boards.Monitoring.Domain;

/// <summary>
/// The longest text of each field of a Monitoring request: the REST attribute, the proto annotations, the acknowledgement
/// check and the database columns use these numbers (docs/monitoring.md lists them).
/// </summary>
public static class MonitoringLimits
{
    /// <summary>Municipality codes.</summary>
    public const int Code = 64;
    /// <summary>A warning status filter: active, acknowledged or resolved.</summary>
    public const int Status = 16;
    /// <summary>The note of an acknowledgement.</summary>
    public const int Note = 2000;
    /// <summary>A national table period: "2026", "2026-Q1" or "2026-03".</summary>
    public const int Period = 7;
    /// <summary>A department number, 0 (Asunción) to 17 (Alto Paraguay).</summary>
    public const int Department = 2;
    /// <summary>A programme cohort ("pilot-2021", "expansion-2025"); also the registry's column.</summary>
    public const int Cohort = 32;
}
