using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Data;
using Boards.Membership.Features.IdentityLink;
using MassTransit;

namespace Boards.Membership.Consumers;

/// <summary>
/// After an appointment commits, grants the new focal point's account the municipality's focal-point scope and takes
/// it back from the previous focal point's account, recording the outcome on each term.
/// </summary>
public sealed class FocalPointAccessConsumer(
    MembershipDbContext db, TimeProvider clock, FocalPointAccessRecorder recorder, ILogger<FocalPointAccessConsumer> logger)
    : IdempotentConsumer<FocalPointAppointed, MembershipDbContext>(db, clock)
{
    protected override string InboxName => "FocalPointAccessConsumer";

    protected override async Task HandleAsync(FocalPointAppointed message, ConsumeContext<FocalPointAppointed> context)
    {
        var ct = context.CancellationToken;
        var board = await Db.LoadBoardForAccessAsync(message.BoardId, ct);
        var term = board?.FocalPointTerms.FirstOrDefault(t => t.Id == message.TermId)
                   ?? board?.FocalPointTerms.Where(t => t.MemberId == message.MemberId && t.StartsOn == message.StartsOn)
                       .OrderByDescending(t => t.AppointedAt).FirstOrDefault();
        if (board is null || term is null)
        {
            logger.LogWarning("FocalPointAppointed for board {BoardId} names a term that does not exist; nothing to grant.", message.BoardId);
            return;
        }

        var account = board.FindMember(term.MemberId)?.Account;
        await recorder.GrantAsync(board, term, account, ct);
        if (message.PreviousMemberId is { } previousId)
        {
            await RevokePreviousAsync(board, previousId, term, account, ct);
        }
    }

    private async Task RevokePreviousAsync(Board board, Guid previousMemberId, FocalPointTerm newTerm, string? newAccount, CancellationToken ct)
    {
        var previousTerm = board.FocalPointTerms
            .Where(t => t.MemberId == previousMemberId && t.Id != newTerm.Id && !t.IsCurrent)
            .OrderByDescending(t => t.AppointedAt).FirstOrDefault();
        var previousAccount = board.FindMember(previousMemberId)?.Account;
        var stillFocalPoint = board.CurrentFocalPointTerm?.MemberId == previousMemberId
                              || (previousAccount is not null && previousAccount == newAccount);
        if (previousTerm is not null && previousAccount is not null && !stillFocalPoint)
        {
            await recorder.RevokeAsync(board, previousTerm, previousAccount, ct);
        }
    }
}

internal static class BoardAccessQueries
{
    public static Task<Board?> LoadBoardForAccessAsync(this MembershipDbContext db, Guid boardId, CancellationToken ct) =>
        db.Boards.Include(b => b.Members).Include(b => b.FocalPointTerms).AsSplitQuery().FirstOrDefaultAsync(b => b.Id == boardId, ct);
}
