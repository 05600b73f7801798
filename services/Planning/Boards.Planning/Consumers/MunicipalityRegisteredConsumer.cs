using Boards.BuildingBlocks.Municipalities;
using Boards.Membership.Contracts.Events;

namespace Boards.Planning.Consumers;

/// <summary>
/// Keeps the municipality replica in step with Membership's registry: maps the event onto the shared upsert
/// (BuildingBlocks/Municipalities), where the newest OccurredAt wins and the inbox drops a redelivery. The class name is
/// the inbox key: keep it.
/// </summary>
public sealed class MunicipalityRegisteredConsumer(PlanningDbContext db, TimeProvider clock)
    : MunicipalityReplicaConsumer<MunicipalityRegistered, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "MunicipalityRegisteredConsumer";

    protected override MunicipalityAnnouncement Map(MunicipalityRegistered message) =>
        new(message.Code, message.Name, message.Department, message.DepartmentNumber, message.Status, message.OccurredAt);
}
