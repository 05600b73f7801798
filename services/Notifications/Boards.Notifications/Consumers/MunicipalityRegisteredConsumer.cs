using Boards.BuildingBlocks.Municipalities;
using Boards.Membership.Contracts.Events;
using Boards.Notifications.Features.Announce;

namespace Boards.Notifications.Consumers;

/// <summary>Keeps the municipality replica (names in messages) in step with Membership's registry.</summary>
public sealed class MunicipalityRegisteredConsumer(NotificationsDbContext db, TimeProvider clock, MunicipalityNames names)
    : MunicipalityReplicaConsumer<MunicipalityRegistered, NotificationsDbContext>(db, clock)
{
    private string? _code;

    protected override string InboxName => "MunicipalityRegisteredConsumer";

    protected override MunicipalityAnnouncement Map(MunicipalityRegistered message)
    {
        _code = message.Code;
        return new(message.Code, message.Name, message.Department, message.DepartmentNumber, message.Status, message.OccurredAt);
    }

    /// <summary>The names kept in memory read the row again at the next event that names it.</summary>
    protected override void AfterCommit()
    {
        if (_code is not null)
        {
            names.Forget(_code);
        }
    }
}
