namespace Boards.Monitoring.Data;

/// <summary>
/// One municipality's referral counts by the month (in Paraguay) its referrals were created in, kept in the same
/// transaction as every fact change, like <see cref="MunicipalityReferralTotals"/>: the national table's period filters
/// add up at most 12 of these rows per municipality instead of reading facts. Written only by SQL
/// (<see cref="MunicipalityTotalsWrites"/> and <c>monitoring_rebuild_totals()</c>).
/// </summary>
public sealed class MunicipalityMonthTotals
{
    public string Code { get; init; } = "";

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    public long Sent { get; init; }
    public long Open { get; init; }
    public long Accepted { get; init; }
    public long Rejected { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long Cancelled { get; init; }
    public long Overdue { get; init; }
    public long CounterReferred { get; init; }
}
