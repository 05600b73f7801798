namespace Boards.Monitoring.Features.GetMunicipalityTrends;

/// <summary>REST shape of a municipality's trends (camelCase JSON). A month's rate is null when nothing is left to close.</summary>
public sealed record MunicipalityTrendsResponse(
    string Code,
    IReadOnlyList<MonthTrendResponse> Months,
    IReadOnlyList<CategoryCountResponse> ByCategory,
    IReadOnlyList<ReasonCountResponse> RejectionsByReason)
{
    public static MunicipalityTrendsResponse From(MunicipalityTrends trends) => new(
        trends.Code,
        trends.Months.Select(m => new MonthTrendResponse(m.Month, m.Sent, m.ClosedLoop, m.Cancelled, m.ClosedLoopRate)).ToList(),
        trends.ByCategory.Select(c => new CategoryCountResponse(c.Category, c.Count)).ToList(),
        trends.RejectionsByReason.Select(r => new ReasonCountResponse(r.Reason, r.Count)).ToList());
}

/// <summary>Referrals created in <c>month</c> ("yyyy-MM", Paraguay time); <c>closedLoop</c> and <c>cancelled</c> are those of them in that state now.</summary>
public sealed record MonthTrendResponse(string Month, int Sent, int ClosedLoop, int Cancelled, double? ClosedLoopRate);

public sealed record CategoryCountResponse(string Category, int Count);

public sealed record ReasonCountResponse(string Reason, int Count);
