using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Features.IdentityLink;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.AppointFocalPoint;

/// <param name="Account">The person's user name in the identity provider; recorded on the membership when given.</param>
public sealed record AppointFocalPointCommand(
    [property: MaxText(MembershipLimits.Id)] string? MemberId,
    [property: MaxText(MembershipLimits.Date)] string? StartsOn,
    long ExpectedVersion,
    [property: MaxText(MembershipLimits.Account)] string? Account = null);

/// <summary>
/// Appoints an active member as the board's focal point. The previous term ends the day the new one starts, and
/// FocalPointAppointed is written to the outbox in the same SaveChanges as the change; its consumer here grants the
/// new focal point's account the scope and revokes the previous one's (FocalPointAccess). The account must pass
/// <see cref="AccountLinkRule"/> first.
/// </summary>
public sealed class AppointFocalPointHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity, AccountLinkRule links)
{
    public async Task<(Board Board, FocalPointTerm Term)> HandleAsync(
        string? municipalityCode, AppointFocalPointCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var memberId = Input.Id(errors, "memberId", command.MemberId, "la membresía");
        var startsOn = Input.Date(errors, "startsOn", command.StartsOn, "Indique la fecha de inicio del período.");
        var account = Input.Account(errors, "account", command.Account);
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        var member = board.FindMember(memberId)
                     ?? throw new NotFoundException($"La mesa de '{board.MunicipalityCode}' no tiene la membresía '{memberId}'.");
        // Checked again at the appointment, which is what grants access: the account may have changed hands since it was recorded.
        if ((account ?? member.Account) is { } linked)
        {
            await links.EnsureMayLinkAsync(board, linked, caller, ct);
        }

        var now = clock.GetUtcNow();
        var (term, previous) = board.AppointFocalPoint(member, startsOn, caller.DisplayName, now, account);
        store.Db.AddToOutbox(new FocalPointAppointed
        {
            BoardId = board.Id,
            MunicipalityCode = board.MunicipalityCode,
            TermId = term.Id,
            MemberId = member.Id,
            PreviousMemberId = previous,
            StartsOn = startsOn,
            BoardVersion = board.Version,
            OccurredAt = now,
        }, clock);
        // Same SaveChanges: the change, its representativity assessment and RepresentativityAssessed commit together.
        await representativity.RecordAsync(board, ct);
        await store.SaveAsync(ct);
        return (board, term);
    }
}
