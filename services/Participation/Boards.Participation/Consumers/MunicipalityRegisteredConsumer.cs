using Boards.BuildingBlocks.Municipalities;
using Boards.Membership.Contracts.Events;

namespace Boards.Participation.Consumers;

/// <summary>
/// Keeps the municipality replica in step with Membership's registry (BuildingBlocks/Municipalities): the newest
/// OccurredAt wins and the inbox drops a redelivery. The class name is the inbox key: keep it.
/// </summary>
public sealed class MunicipalityRegisteredConsumer(ParticipationDbContext db, TimeProvider clock)
    : MunicipalityReplicaConsumer<MunicipalityRegistered, ParticipationDbContext>(db, clock)
{
    protected override string InboxName => "MunicipalityRegisteredConsumer";

    protected override MunicipalityAnnouncement Map(MunicipalityRegistered message) =>
        new(message.Code, message.Name, message.Department, message.DepartmentNumber, message.Status, message.OccurredAt);
}
