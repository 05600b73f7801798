using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using MassTransit;

namespace Boards.Notifications.Consumers;

/// <summary>A session agreement was recorded: it is followed until it is done, to remind before its due date.</summary>
public sealed class AgreementRecordedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AgreementRecorded, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "AgreementRecordedConsumer";

    protected override async Task HandleAsync(AgreementRecorded message, ConsumeContext<AgreementRecorded> context)
    {
        var agreement = await AgreementTracking.FindOrTrackAsync(Db, message.AgreementId, context.CancellationToken);
        agreement.Recorded(message.MunicipalityCode, message.SessionId, message.ResponsibleInstitution, message.DueOn, message.Status, message.OccurredAt);
    }
}

/// <summary>An agreement moved on: done or cancelled ones are no longer reminded.</summary>
public sealed class AgreementStatusChangedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AgreementStatusChanged, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "AgreementStatusChangedConsumer";

    protected override async Task HandleAsync(AgreementStatusChanged message, ConsumeContext<AgreementStatusChanged> context)
    {
        var agreement = await AgreementTracking.FindOrTrackAsync(Db, message.AgreementId, context.CancellationToken);
        agreement.StatusChanged(message.Status, message.OccurredAt);
    }
}

internal static class AgreementTracking
{
    public static async Task<TrackedAgreement> FindOrTrackAsync(NotificationsDbContext db, Guid agreementId, CancellationToken ct)
    {
        var agreement = await db.TrackedAgreements.FindAsync([agreementId], ct);
        if (agreement is null)
        {
            agreement = TrackedAgreement.Track(agreementId);
            db.TrackedAgreements.Add(agreement);
        }

        return agreement;
    }
}
