using Boards.BuildingBlocks.Municipalities;
using Boards.Membership.Contracts.Events;

namespace Boards.Notifications.Consumers;

/// <summary>Keeps the municipality replica (names in messages) in step with Membership's registry.</summary>
public sealed class MunicipalityRegisteredConsumer(NotificationsDbContext db, TimeProvider clock)
    : MunicipalityReplicaConsumer<MunicipalityRegistered, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "MunicipalityRegisteredConsumer";

    protected override MunicipalityAnnouncement Map(MunicipalityRegistered message) =>
        new(message.Code, message.Name, message.Department, message.DepartmentNumber, message.Status, message.OccurredAt);
}
