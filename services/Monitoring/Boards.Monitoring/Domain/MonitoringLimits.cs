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
}
