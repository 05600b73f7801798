using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Planning.Domain.Proposals;
using MassTransit;

namespace Boards.Planning.Consumers;

/// <summary>
/// Each agreement of a board session becomes a proposed action of its municipality (once per agreement). A status
/// change that arrived first (held in early_agreement_statuses) is applied to it if newer.
/// </summary>
public sealed class AgreementRecordedConsumer(PlanningDbContext db, TimeProvider clock, PlanCalendar calendar)
    : IdempotentConsumer<AgreementRecorded, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "AgreementRecordedConsumer";

    protected override async Task HandleAsync(AgreementRecorded message, ConsumeContext<AgreementRecorded> context)
    {
        var ct = context.CancellationToken;
        await AgreementLock.TakeAsync(Db, message.AgreementId, ct);
        var proposal = await Db.Proposals.FirstOrDefaultAsync(p => p.AgreementId == message.AgreementId, ct);
        if (proposal is not null)
        {
            // A status change may have arrived first: only a newer announcement updates the agreement's status.
            proposal.FollowAgreement(message.Status, message.OccurredAt);
            return;
        }

        proposal = ProposedAction.Propose(new RecordedAgreement(
            message.AgreementId,
            message.MunicipalityCode.Trim().ToLowerInvariant(),
            message.SessionId,
            message.What.Trim(),
            message.ResponsibleInstitution.Trim().ToLowerInvariant(),
            message.DueOn,
            message.Status,
            message.OccurredAt), calendar.Now);
        Db.Proposals.Add(proposal);
        if (await Db.EarlyAgreementStatuses.FindAsync([message.AgreementId], ct) is { } early)
        {
            proposal.FollowAgreement(early.Status, early.OccurredAt);
            Db.EarlyAgreementStatuses.Remove(early);
        }
    }
}

/// <summary>
/// Follows the agreement's own status (shown next to the proposal). A change for an agreement not yet known is held
/// until its AgreementRecorded arrives (events may come in any order: two relays, redeliveries).
/// </summary>
public sealed class AgreementStatusChangedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<AgreementStatusChanged, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "AgreementStatusChangedConsumer";

    protected override async Task HandleAsync(AgreementStatusChanged message, ConsumeContext<AgreementStatusChanged> context)
    {
        var ct = context.CancellationToken;
        await AgreementLock.TakeAsync(Db, message.AgreementId, ct);
        if (await Db.Proposals.FirstOrDefaultAsync(p => p.AgreementId == message.AgreementId, ct) is { } proposal)
        {
            proposal.FollowAgreement(message.Status, message.OccurredAt);
        }
        else if (await Db.EarlyAgreementStatuses.FindAsync([message.AgreementId], ct) is { } early)
        {
            early.Follow(message.Status, message.OccurredAt);
        }
        else
        {
            Db.EarlyAgreementStatuses.Add(EarlyAgreementStatus.Hold(message.AgreementId, message.Status, message.OccurredAt));
        }
    }
}

/// <summary>
/// Both consumers of an agreement's events take this lock first (until their transaction ends): otherwise a status
/// change could be held as early while the agreement is being proposed by another delivery at the same moment, and
/// neither would see the other's row.
/// </summary>
internal static class AgreementLock
{
    public static Task TakeAsync(PlanningDbContext db, Guid agreementId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"agreement:" + agreementId}, 0))", ct);
}
