namespace Boards.Monitoring.Contracts.Events;

/// <summary>
/// An early-warning rule started to hold for a municipality (docs/monitoring.md, "Early warnings"). Published once per
/// warning, when it is raised: while the rule keeps holding no other is raised for the same municipality and rule.
/// </summary>
public sealed record EarlyWarningRaised
{
    public required Guid WarningId { get; init; }
    /// <summary>Trimmed, lower-case municipality code.</summary>
    public required string MunicipalityCode { get; init; }
    /// <summary>overdue_referrals_rising, unmet_demand_rising, referral_spike, no_recent_session, low_representativity, plan_actions_overdue.</summary>
    public required string Rule { get; init; }
    /// <summary>The rule's title in Spanish.</summary>
    public required string RuleTitle { get; init; }
    /// <summary>One sentence in Spanish with the numbers.</summary>
    public required string Evidence { get; init; }
    /// <summary>The rule's figures by name (e.g. days_since_last_session).</summary>
    public required IReadOnlyDictionary<string, decimal> Figures { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
}
