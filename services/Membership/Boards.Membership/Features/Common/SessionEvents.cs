using Boards.Membership.Contracts.Events;
using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.Common;

public static class SessionEvents
{
    /// <summary>Written when a session is recorded and again whenever its attendance is corrected.</summary>
    public static SessionHeld Held(Board board, Session session, DateTimeOffset now) => new()
    {
        MunicipalityCode = board.MunicipalityCode,
        BoardId = board.Id,
        SessionId = session.Id,
        SessionVersion = session.Version,
        Date = session.Date,
        QuorumReached = session.QuorumReached,
        AttendeesCount = session.Attendees.Count,
        VotingMembersCount = session.VotingMembers,
        VotingPresentCount = session.VotingPresent,
        OccurredAt = now,
    };
}
