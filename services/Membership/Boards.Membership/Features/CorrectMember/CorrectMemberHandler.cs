using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Features.AddMember;
using Boards.Membership.Features.IdentityLink;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.CorrectMember;

/// <summary>
/// Corrects what was recorded wrongly about a membership (the whole membership, as POST takes it). A change of people
/// is not a correction: end the membership and add the new one, so the history stays.
/// </summary>
public sealed class CorrectMemberHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity, AccountLinkRule links)
{
    public async Task<(Board Board, Member Member)> HandleAsync(
        string? municipalityCode, string? memberId, AddMemberCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "memberId", memberId, "la membresía");
        errors.ThrowIfAny();
        var input = AddMemberHandler.Validate(command);

        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        var member = board.FindMember(id) ?? throw new NotFoundException($"La mesa de '{board.MunicipalityCode}' no tiene la membresía '{id}'.");
        var replacedAccount = member.Account;
        if (input.Account is { } account && !string.Equals(account, replacedAccount, StringComparison.OrdinalIgnoreCase))
        {
            await links.EnsureMayLinkAsync(board, account, caller, ct);
        }

        var now = clock.GetUtcNow();
        board.CorrectMember(member, input, caller.DisplayName, now);
        if (board.CurrentFocalPointTerm is { } term && term.MemberId == member.Id && replacedAccount != member.Account)
        {
            // The identity link follows the corrected account, after this transaction commits.
            term.RecordAccess(FocalPointAccess.Pending, null, now);
            store.Db.AnnounceAccess(board, term, clock);
            store.Db.AddToOutbox(new FocalPointAccountChanged { BoardId = board.Id, TermId = term.Id, ReplacedAccount = replacedAccount }, clock);
        }

        // Same SaveChanges: the change, its representativity assessment and RepresentativityAssessed commit together.
        await representativity.RecordAsync(board, ct);
        await store.SaveAsync(ct);
        return (board, member);
    }
}
