using System.Diagnostics;
using System.Text.Json;

namespace Boards.BuildingBlocks.Outbox;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event in the outbox. It is saved by the caller's next SaveChanges, inside the same
    /// transaction as the state change, so the event exists exactly when the change does.
    /// </summary>
    public static OutboxMessage AddToOutbox<TMessage>(this DbContext db, TMessage message, TimeProvider? clock = null)
        where TMessage : class
    {
        // The runtime type, so that an event held as its base record is still published as what it is.
        var type = message.GetType();
        var activity = Activity.Current;
        var entry = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = MessageTypeName(type),
            Payload = JsonSerializer.Serialize(message, type, SerializerOptions),
            OccurredAt = (clock ?? TimeProvider.System).GetUtcNow(),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
        };
        db.Set<OutboxMessage>().Add(entry);
        return entry;
    }

    /// <summary>"Namespace.Type, Assembly": stable across versions, resolvable by <see cref="Type.GetType(string)"/>.</summary>
    public static string MessageTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
