using System.Diagnostics.Metrics;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// The consumers' failures that outlived their retries in place, meter <c>Boards.Messaging</c> (ServiceDefaults exports
/// every <c>Boards.*</c> meter): messages set aside for a later redelivery, messages sent back to their queue, messages
/// parked for good, and how many are parked now, tagged with the message's type (its class name). Also the batch
/// consumers' transactions: messages per committed batch, and batches that failed (their messages were then handled alone).
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Boards.Messaging";

    private readonly Counter<long> _delayed;
    private readonly Counter<long> _redelivered;
    private readonly Counter<long> _parked;
    private readonly Histogram<long> _batchMessages;
    private readonly Counter<long> _batchesFailed;
    private long _parkedNow;

    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _delayed = meter.CreateCounter<long>("boards.messaging.redelivery_scheduled", "{message}",
            "Mensajes cuyo consumidor falló tras los reintentos inmediatos: se reenviarán más tarde.");
        _redelivered = meter.CreateCounter<long>("boards.messaging.redelivered", "{message}",
            "Mensajes reenviados a la cola de su consumidor (programados o pedidos por un operador).");
        _parked = meter.CreateCounter<long>("boards.messaging.parked", "{message}",
            "Mensajes apartados para siempre: fallaron también en cada reenvío.");
        meter.CreateObservableGauge("boards.messaging.parked_messages", () => Interlocked.Read(ref _parkedNow), "{message}",
            "Mensajes apartados que esperan a un operador, contados en cada pasada de los reenvíos.");
        _batchMessages = meter.CreateHistogram("boards.messaging.batch_messages", "{message}",
            "Mensajes manejados en una transacción por los consumidores por lotes (una medida por lote confirmado).",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        _batchesFailed = meter.CreateCounter<long>("boards.messaging.batches_failed", "{batch}",
            "Lotes que fallaron sin dejar rastro: cada uno de sus mensajes se manejó luego por separado.");
    }

    public void RedeliveryScheduled(string messageType) => _delayed.Add(1, TypeTag(messageType));

    public void Redelivered(string messageType) => _redelivered.Add(1, TypeTag(messageType));

    public void Parked(string messageType) => _parked.Add(1, TypeTag(messageType));

    public void BatchCommitted(int messages) => _batchMessages.Record(messages);

    public void BatchFailed() => _batchesFailed.Add(1);

    public void ParkedNow(long count) => Interlocked.Exchange(ref _parkedNow, count);

    /// <summary>"Boards.Referrals.Contracts.Events.ReferralCreated, Boards.Referrals.Contracts" → "ReferralCreated".</summary>
    public static string ShortName(string messageType)
    {
        var name = messageType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static KeyValuePair<string, object?> TypeTag(string messageType) => new("message_type", ShortName(messageType));
}
