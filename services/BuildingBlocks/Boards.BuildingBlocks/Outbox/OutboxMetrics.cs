using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Boards.BuildingBlocks.Outbox;

/// <summary>
/// The outbox relay's instruments, meter <c>Boards.Outbox</c> (ServiceDefaults exports every <c>Boards.*</c> meter):
/// events confirmed by the broker and how long after their change, failed attempts, messages set aside for good, and
/// the backlog still waiting. Tagged with the event's type (its class name); the backlog with its database, one per
/// module in a host that has several.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Boards.Outbox";

    /// <summary>Values of the <c>reason</c> tag of <c>boards.outbox.dead_lettered</c>.</summary>
    public const string UnreadableReason = "unreadable";
    public const string RefusedReason = "refused";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _lag;
    private readonly ConcurrentDictionary<string, long> _backlogs = new();

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("boards.outbox.published", "{message}", "Eventos del outbox que el broker confirmó.");
        _failed = meter.CreateCounter<long>("boards.outbox.publish_failures", "{attempt}", "Intentos de publicar un evento que fallaron (queda pendiente).");
        _deadLettered = meter.CreateCounter<long>("boards.outbox.dead_lettered", "{message}", "Eventos apartados hasta que un operador los reenvíe: su tipo o su contenido no se pueden leer, o el broker los rechazó una y otra vez.");
        _lag = meter.CreateHistogram<double>("boards.outbox.relay_lag", "s", "Tiempo desde el cambio hasta que el broker confirmó su evento.");
        meter.CreateObservableGauge("boards.outbox.backlog",
            () => _backlogs.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("database", b.Key))), "{message}",
            "Eventos que esperan ser publicados, contados por el relay a lo sumo cada pocos segundos.");
    }

    public void Published(OutboxMessage message, DateTimeOffset confirmedAt)
    {
        var type = TypeTag(message);
        _published.Add(1, type);
        _lag.Record(Math.Max(0, (confirmedAt - message.OccurredAt).TotalSeconds), type);
    }

    public void Failed(OutboxMessage message) => _failed.Add(1, TypeTag(message));

    public void DeadLettered(OutboxMessage message, string reason) => _deadLettered.Add(1, TypeTag(message), new("reason", reason));

    public void Backlog<TDbContext>(long waiting) => _backlogs[typeof(TDbContext).Name] = waiting;

    /// <summary>"Boards.Referrals.Contracts.Events.ReferralCreated, Boards.Referrals.Contracts" → "ReferralCreated".</summary>
    private static KeyValuePair<string, object?> TypeTag(OutboxMessage message)
    {
        var name = message.MessageType.Split(',')[0];
        return new("message_type", name[(name.LastIndexOf('.') + 1)..]);
    }
}
