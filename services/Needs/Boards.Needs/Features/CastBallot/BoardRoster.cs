namespace Boards.Needs.Features.CastBallot;

/// <summary>
/// The voting members of a board's current roster, as Membership (the registry of record) has them now. Ballots are
/// taken only from them (docs/needs.md).
/// </summary>
public interface IBoardRoster
{
    /// <summary>Active voting members of the board of <paramref name="municipalityCode"/>; none when it has no board.</summary>
    Task<IReadOnlyList<RosterVoter>> VotingMembersAsync(string municipalityCode, CancellationToken ct);
}

public sealed record RosterVoter(Guid MemberId, string PersonName);

/// <summary>Membership could not be asked (not configured, down, too slow): nothing is written, the person tries again.</summary>
public sealed class RosterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Configuration section "Needs:Membership": where Membership's gRPC endpoint is, and how long to wait.</summary>
public sealed class MembershipRosterOptions
{
    public const string Section = "Needs:Membership";

    /// <summary>
    /// Membership's gRPC (HTTP/2) endpoint: a service-discovery name (http://_grpc.membership, every replica, balanced per
    /// call) or a literal http URL (one server). Empty: ballots cannot be checked, so none is taken.
    /// </summary>
    public string? Address { get; set; }

    public double TimeoutSeconds { get; set; } = 3;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 3);
}
