namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// The current focal point's account was corrected: the new account gets the scope and the replaced one loses it.
/// Internal to Membership (its own queue), written to the outbox with the correction.
/// </summary>
public sealed record FocalPointAccountChanged
{
    public required Guid BoardId { get; init; }
    public required Guid TermId { get; init; }
    /// <summary>The account the term had before the correction, to take the scope back from; null when it had none.</summary>
    public string? ReplacedAccount { get; init; }
}
