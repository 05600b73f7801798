using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Planning.Domain.Proposals;
using MassTransit;

namespace Boards.Planning.Consumers;

/// <summary>Each agreement of a board session becomes a proposed action of its municipality (once per agreement).</summary>
public sealed class AgreementRecordedConsumer(PlanningDbContext db, TimeProvider clock, PlanCalendar calendar)
    : IdempotentConsumer<AgreementRecorded, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "AgreementRecordedConsumer";

    protected override async Task HandleAsync(AgreementRecorded message, ConsumeContext<AgreementRecorded> context)
    {
        var proposal = await Db.Proposals.FirstOrDefaultAsync(p => p.AgreementId == message.AgreementId, context.CancellationToken);
        if (proposal is not null)
        {
            // A status change may have arrived first: only a newer announcement updates the agreement's status.
            proposal.FollowAgreement(message.Status, message.OccurredAt);
            return;
        }

        Db.Proposals.Add(ProposedAction.Propose(new RecordedAgreement(
            message.AgreementId,
            message.MunicipalityCode.Trim().ToLowerInvariant(),
            message.SessionId,
            message.What.Trim(),
            message.ResponsibleInstitution.Trim().ToLowerInvariant(),
            message.DueOn,
            message.Status,
            message.OccurredAt), calendar.Now));
    }
}

/// <summary>Follows the agreement's own status (shown next to the proposal). A change for an agreement not yet known waits for it (retried).</summary>
public sealed class AgreementStatusChangedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<AgreementStatusChanged, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "AgreementStatusChangedConsumer";

    protected override async Task HandleAsync(AgreementStatusChanged message, ConsumeContext<AgreementStatusChanged> context)
    {
        var proposal = await Db.Proposals.FirstOrDefaultAsync(p => p.AgreementId == message.AgreementId, context.CancellationToken)
                       ?? throw new InvalidOperationException($"AgreementStatusChanged for agreement {message.AgreementId} arrived before its AgreementRecorded.");
        proposal.FollowAgreement(message.Status, message.OccurredAt);
    }
}
