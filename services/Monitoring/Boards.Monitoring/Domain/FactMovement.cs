namespace Boards.Monitoring.Domain;

/// <summary>
/// How one event moved a fact, for its municipality's totals: the tally delta, and which median lost its old value
/// (a milestone time was first set or moved earlier, so the duration it was computed from changed). Month is the
/// month (in Paraguay) the referral was created in, whose monthly totals the delta also moves.
/// </summary>
public sealed record FactMovement(
    string MunicipalityCode, ReferralTally Delta, bool AcceptMedianChanged, bool CounterReferralMedianChanged, DateOnly Month = default)
{
    public bool ChangesTotals => !Delta.IsZero || AcceptMedianChanged || CounterReferralMedianChanged;

    /// <summary>Two movements of the same municipality's totals as one: the deltas added, a median changed if either changed it.</summary>
    public FactMovement Plus(FactMovement other) =>
        other.MunicipalityCode == MunicipalityCode
            ? new(MunicipalityCode, Delta + other.Delta,
                AcceptMedianChanged || other.AcceptMedianChanged, CounterReferralMedianChanged || other.CounterReferralMedianChanged, Month)
            : throw new ArgumentException($"A movement of {other.MunicipalityCode} cannot join one of {MunicipalityCode}.", nameof(other));

    /// <summary>From the fact's state before the event (null: the event created it) to its state after.</summary>
    public static FactMovement Between(FactState? before, ReferralFact after) => new(
        after.MunicipalityCode,
        ReferralTally.Of(after) - (before?.Tally ?? ReferralTally.None),
        after.AcceptedAt != before?.AcceptedAt,
        after.CounterReferredAt != before?.CounterReferredAt,
        ParaguayCalendar.MonthOf(after.CreatedAt));
}

/// <summary>The parts of a fact its municipality's totals depend on, taken before an event is applied.</summary>
public sealed record FactState(ReferralTally Tally, DateTimeOffset? AcceptedAt, DateTimeOffset? CounterReferredAt)
{
    public static FactState Of(ReferralFact fact) => new(ReferralTally.Of(fact), fact.AcceptedAt, fact.CounterReferredAt);
}
