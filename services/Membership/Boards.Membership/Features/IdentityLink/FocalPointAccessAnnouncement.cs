using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Data;

namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// Writes FocalPointAccessChanged to the outbox after a term's access was recorded, in the same SaveChanges as the
/// term, so that other services (Monitoring's "focal point appointed with access" column) follow the identity link.
/// </summary>
public static class FocalPointAccessAnnouncement
{
    public static void AnnounceAccess(this MembershipDbContext db, Board board, FocalPointTerm term, TimeProvider clock) =>
        db.AddToOutbox(new FocalPointAccessChanged
        {
            BoardId = board.Id,
            MunicipalityCode = board.MunicipalityCode,
            TermId = term.Id,
            MemberId = term.MemberId,
            Access = Codes.Of(term.Access),
            CurrentTerm = term.IsCurrent,
            UpdatedAt = term.AccessUpdatedAt ?? clock.GetUtcNow(),
            OccurredAt = clock.GetUtcNow(),
        }, clock);
}
