using Boards.BuildingBlocks.Inbox;
using MassTransit;

namespace Boards.BuildingBlocks.Municipalities;

/// <summary>
/// Keeps a municipality replica in step with Membership's registry. A service derives its
/// <c>MunicipalityRegisteredConsumer</c> from this and only maps the event (the event type stays in Membership's
/// Contracts, which BuildingBlocks does not reference). The inbox (base class) drops a redelivery and keys on the
/// derived class's name; <see cref="MunicipalityReplica.UpsertAsync"/> lets the newest OccurredAt win in any order.
/// </summary>
public abstract class MunicipalityReplicaConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<TMessage, TDbContext>(db, clock)
    where TMessage : class
    where TDbContext : DbContext
{
    protected abstract MunicipalityAnnouncement Map(TMessage message);

    protected sealed override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var announcement = Map(message);
        if (string.IsNullOrWhiteSpace(announcement.Code))
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a code.");
        }

        return MunicipalityReplica.UpsertAsync(Db, announcement, context.CancellationToken);
    }
}
