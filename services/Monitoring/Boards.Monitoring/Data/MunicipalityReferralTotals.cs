namespace Boards.Monitoring.Data;

/// <summary>
/// One municipality's referral figures, kept up to date in the transaction of every fact change so the national table
/// reads one row per municipality instead of every fact. Written only by SQL (<see cref="MunicipalityTotalsWrites"/>
/// and <c>monitoring_rebuild_totals()</c>); the entity exists so migrations and tests know the table.
/// </summary>
public sealed class MunicipalityReferralTotals
{
    public string Code { get; init; } = "";
    public long Sent { get; init; }
    public long Open { get; init; }
    public long Accepted { get; init; }
    public long Rejected { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long Cancelled { get; init; }
    public long Overdue { get; init; }

    /// <summary>Facts with a counter-referral date: how many durations the counter-referral median is taken over.</summary>
    public long CounterReferred { get; init; }

    public double? MedianSecondsToAccept { get; init; }
    public double? MedianSecondsToCounterReferral { get; init; }
}
