using Boards.BuildingBlocks.Api.Limits;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.EndMembership;

public sealed record EndMembershipCommand(
    [property: MaxText(MembershipLimits.Date)] string? CeasedOn,
    [property: MaxText(MembershipLimits.CeaseReason)] string? Reason,
    long ExpectedVersion);

/// <summary>Ends a membership: sets the cease date and keeps the row as history. Nothing is deleted.</summary>
public sealed class EndMembershipHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity)
{
    public async Task<(Board Board, Member Member)> HandleAsync(
        string? municipalityCode, string? memberId, EndMembershipCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "memberId", memberId, "la membresía");
        var ceasedOn = Input.Date(errors, "ceasedOn", command.CeasedOn, "Indique la fecha de cese.");
        var reason = Input.OptionalText(errors, "reason", command.Reason, MembershipLimits.CeaseReason);
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        var member = board.FindMember(id) ?? throw new NotFoundException($"La mesa de '{board.MunicipalityCode}' no tiene la membresía '{id}'.");
        board.EndMembership(member, ceasedOn, reason, clock.GetUtcNow());
        // Same SaveChanges: the change, its representativity assessment and RepresentativityAssessed commit together.
        await representativity.RecordAsync(board, ct);
        await store.SaveAsync(ct);
        return (board, member);
    }
}
