using Boards.Membership.Contracts.Representativity;

namespace Boards.Membership.Contracts.Events;

/// <summary>
/// A board's representativity was (re)assessed: after a roster change (member added, membership ended, focal point
/// appointed, board status changed), a change of the municipality's context, or a new policy version. Carries the
/// score and how it was built (docs/representativity.md), never a person's data: only counts, shares and indices.
/// Consumers keep the newest per municipality and <see cref="Basis"/> by <see cref="AssessedAt"/>: an older assessment
/// arriving late is ignored, and an attendance assessment never replaces a roster one (or the reverse).
/// </summary>
public sealed record RepresentativityAssessed
{
    public required Guid AssessmentId { get; init; }
    public required Guid BoardId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>The board's version when it was assessed.</summary>
    public required long BoardVersion { get; init; }
    /// <summary>"roster" (every active voting member counts 1; after roster, context or policy changes) or "attendance"
    /// (members weighted by their attendance to the last N sessions; after a session is recorded).</summary>
    public required string Basis { get; init; }
    /// <summary>The policy version (targets and weights) that produced the score.</summary>
    public required int PolicyVersion { get; init; }
    /// <summary>0–100, one decimal.</summary>
    public required decimal Score { get; init; }
    public required int ActiveVotingMembers { get; init; }
    public required IReadOnlyList<RepresentativityComponentValue> Components { get; init; }
    /// <summary>Flag codes, e.g. RequiredSectorMissing, LocalGovernmentCapture.</summary>
    public required IReadOnlyList<string> Flags { get; init; }
    /// <summary>The gaps in plain Spanish, e.g. "sin organizaciones de la sociedad civil".</summary>
    public required IReadOnlyList<string> Gaps { get; init; }
    public required DateTimeOffset AssessedAt { get; init; }
}
