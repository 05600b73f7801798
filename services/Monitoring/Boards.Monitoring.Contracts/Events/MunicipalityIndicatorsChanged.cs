namespace Boards.Monitoring.Contracts.Events;

/// <summary>
/// Something a municipality's monitoring figures are computed from changed (docs/monitoring.md, "Change signal"): a
/// referral, session, service day, plan, gap analysis, representativity or registry event changed the read model, or
/// the early-warning sweep raised or resolved one of its warnings. A signal, not the figures: a live screen re-reads
/// the municipality (GET /api/monitoring/municipalities/{code}) when it arrives. Written to the outbox after the change
/// committed, at most once per municipality every 250 ms however many changes came in between; at least once on the
/// wire, so a subscriber may see an <see cref="EventId"/> twice.
/// </summary>
public sealed record MunicipalityIndicatorsChanged
{
    public required Guid EventId { get; init; }
    /// <summary>Trimmed, lower-case municipality code.</summary>
    public required string MunicipalityCode { get; init; }
    /// <summary>When the change was committed by Monitoring (not when the source event happened).</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
