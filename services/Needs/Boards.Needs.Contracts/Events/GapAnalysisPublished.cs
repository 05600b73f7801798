using Boards.Needs.Contracts.Gaps;

namespace Boards.Needs.Contracts.Events;

/// <summary>
/// The gap between needs and offer in one municipality, per need category, as computed at ComputedAt. Published when a
/// round closes (Trigger "round_closed") and on demand (Trigger "on_demand"). Each analysis replaces the previous one
/// of the municipality: a consumer keeps the one with the latest ComputedAt. The formulas are in docs/needs.md.
/// </summary>
public sealed record GapAnalysisPublished
{
    public required Guid AnalysisId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>round_closed or on_demand.</summary>
    public required string Trigger { get; init; }
    /// <summary>The round whose needs are the demand; null when the municipality has no round yet.</summary>
    public Guid? RoundId { get; init; }
    public string? Period { get; init; }
    /// <summary>Referral evidence counted from this instant on (ComputedAt minus the evidence window).</summary>
    public required DateTimeOffset EvidenceSince { get; init; }
    /// <summary>Every category with demand, offer or evidence; largest UnmetDemand first.</summary>
    public required IReadOnlyList<CategoryGap> Categories { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
