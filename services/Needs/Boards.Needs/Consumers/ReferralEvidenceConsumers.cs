using Boards.BuildingBlocks.Inbox;
using Boards.Needs.Domain.Gaps;
using Boards.Needs.Features.RecordReferralEvidence;
using Boards.Referrals.Contracts.Events;
using MassTransit;

namespace Boards.Needs.Consumers;

/// <summary>Keeps referrals rejected for no_capacity or service_not_offered as gap evidence; other reasons are not about the offer.</summary>
public sealed class ReferralRejectedConsumer(NeedsDbContext db, ReferralEvidenceRecorder recorder, TimeProvider clock)
    : IdempotentConsumer<ReferralRejected, NeedsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralRejectedConsumer";

    protected override Task HandleAsync(ReferralRejected message, ConsumeContext<ReferralRejected> context) => message.Reason switch
    {
        "no_capacity" => recorder.RecordAsync(message, ReferralEvidence.RejectedNoCapacity, context.CancellationToken),
        "service_not_offered" => recorder.RecordAsync(message, ReferralEvidence.RejectedNotOffered, context.CancellationToken),
        _ => Task.CompletedTask,
    };
}

/// <summary>Keeps counter-referrals whose outcome was no_capacity (accepted, then no place) as gap evidence.</summary>
public sealed class ReferralCounterReferredConsumer(NeedsDbContext db, ReferralEvidenceRecorder recorder, TimeProvider clock)
    : IdempotentConsumer<ReferralCounterReferred, NeedsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralCounterReferredConsumer";

    protected override Task HandleAsync(ReferralCounterReferred message, ConsumeContext<ReferralCounterReferred> context) =>
        message.Outcome == "no_capacity"
            ? recorder.RecordAsync(message, ReferralEvidence.CounterReferredNoCapacity, context.CancellationToken)
            : Task.CompletedTask;
}
