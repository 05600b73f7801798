using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Data;
using Boards.Membership.Features.IdentityLink;
using MassTransit;

namespace Boards.Membership.Consumers;

/// <summary>The current focal point's account was corrected: the new account gets the scope, the replaced one loses it.</summary>
public sealed class FocalPointAccountChangedConsumer(
    MembershipDbContext db, TimeProvider clock, FocalPointAccessRecorder recorder, ILogger<FocalPointAccountChangedConsumer> logger)
    : IdempotentConsumer<FocalPointAccountChanged, MembershipDbContext>(db, clock)
{
    protected override string InboxName => "FocalPointAccountChangedConsumer";

    protected override async Task HandleAsync(FocalPointAccountChanged message, ConsumeContext<FocalPointAccountChanged> context)
    {
        var ct = context.CancellationToken;
        var board = await Db.LoadBoardForAccessAsync(message.BoardId, ct);
        var term = board?.FocalPointTerms.FirstOrDefault(t => t.Id == message.TermId);
        if (board is null || term is null)
        {
            logger.LogWarning("FocalPointAccountChanged for board {BoardId} names a term that does not exist.", message.BoardId);
            return;
        }

        var account = board.FindMember(term.MemberId)?.Account;
        await recorder.GrantAsync(board, term, account, ct);
        // After the grant, so that a failed revocation stays visible on the term instead of being overwritten.
        if (message.ReplacedAccount is { } replaced && replaced != account)
        {
            await recorder.RevokeReplacedAccountAsync(board, term, replaced, ct);
        }
    }
}
