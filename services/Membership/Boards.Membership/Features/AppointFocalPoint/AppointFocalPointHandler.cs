using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Domain;
using Boards.Membership.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.AppointFocalPoint;

public sealed record AppointFocalPointCommand(string? MemberId, string? StartsOn, long ExpectedVersion);

/// <summary>
/// Appoints an active member as the board's focal point. The previous term ends the day the new one starts, and
/// FocalPointAppointed is written to the outbox in the same SaveChanges as the change.
/// </summary>
public sealed class AppointFocalPointHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity)
{
    public async Task<(Board Board, FocalPointTerm Term)> HandleAsync(
        string? municipalityCode, AppointFocalPointCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var memberId = Input.Id(errors, "memberId", command.MemberId, "la membresía");
        var startsOn = Input.Date(errors, "startsOn", command.StartsOn, "Indique la fecha de inicio del período.");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        var member = board.FindMember(memberId)
                     ?? throw new NotFoundException($"La mesa de '{board.MunicipalityCode}' no tiene la membresía '{memberId}'.");
        var now = clock.GetUtcNow();
        var (term, previous) = board.AppointFocalPoint(member, startsOn, caller.DisplayName, now);
        store.Db.AddToOutbox(new FocalPointAppointed
        {
            BoardId = board.Id,
            MunicipalityCode = board.MunicipalityCode,
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
