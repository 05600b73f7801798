namespace Boards.Portal.ServiceDays;

/// <summary>What one of the day page's small forms posts: a lifecycle action, or the retry of one referral.</summary>
public sealed class DayActionForm
{
    public int Version { get; set; }
    public string? Reason { get; set; }
    public string? Notes { get; set; }
    public string? EntryId { get; set; }

    /// <summary>The JSON body of POST /api/service-days/{id}/{action}.</summary>
    public object Body(string action) => action switch
    {
        "cancel" => new { reason = Empty(Reason) },
        "report" => new { notes = Empty(Notes), expectedVersion = Version },
        _ => new { },
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
