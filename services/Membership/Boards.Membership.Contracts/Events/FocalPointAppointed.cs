namespace Boards.Membership.Contracts.Events;

/// <summary>
/// A board's focal point was appointed; the previous focal point's term (if any) ended on the same day.
/// Carries only what the public role needs: the membership ids and the municipality code, never the person's name.
/// </summary>
public sealed record FocalPointAppointed
{
    public required Guid BoardId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>The focal point term that started (older messages may lack it: Guid.Empty).</summary>
    public Guid TermId { get; init; }
    /// <summary>The membership (member id) of the new focal point.</summary>
    public required Guid MemberId { get; init; }
    /// <summary>The membership whose focal point term ended, or null for the board's first focal point.</summary>
    public Guid? PreviousMemberId { get; init; }
    public required DateOnly StartsOn { get; init; }
    /// <summary>The board's version after the change; a consumer can ignore anything older than what it holds.</summary>
    public required long BoardVersion { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
