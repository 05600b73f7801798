namespace Boards.Participation.Contracts.Events;

/// <summary>
/// A focal point (or an officer) printed slips with one-time codes: how many, for which municipality, quarter, source
/// and age band. The denominator of the response rate. Carries no code, no hash and nothing about a person.
/// </summary>
public sealed record PulseCodesIssued
{
    public required Guid BatchId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>"2026-Q4": the quarter (Paraguay time) in which the slips were printed.</summary>
    public required string Quarter { get; init; }
    /// <summary>counter_referral, service_day or board_session (PulseSources).</summary>
    public required string Source { get; init; }
    /// <summary>15_29, 30_64, 65_plus or unknown (PulseAgeBands).</summary>
    public required string AgeBand { get; init; }
    public required int Count { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
