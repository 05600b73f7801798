using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.Common;

/// <summary>Configuration section "Membership": QuorumFraction (default 0.5: strictly more than half of the voting members).</summary>
public sealed class BoardSessionOptions
{
    public decimal QuorumFraction { get; set; } = 0.5m;

    public QuorumRule Quorum => QuorumFraction is > 0m and < 1m
        ? new QuorumRule(QuorumFraction)
        : throw new InvalidOperationException($"Membership:QuorumFraction must be between 0 and 1 (exclusive), not {QuorumFraction}.");
}
