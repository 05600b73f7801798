using System.Globalization;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// Section <c>Messaging</c>: how a consumer's failure is retried. First in place (<see cref="RetryIntervals"/>, seconds),
/// then the message is set aside in the service's database and sent back to its queue after each of
/// <see cref="RedeliveryIntervals"/> (minutes); what still fails is parked for good, for an operator to replay.
/// Intervals are written as a comma-separated list of TimeSpans, so one environment variable sets them all. Also the
/// type of the durable queues the service declares (<see cref="QueueType"/>), and how batch consumers group their
/// messages (<see cref="BatchSize"/>, <see cref="BatchDelay"/>).
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public const string ClassicQueues = "classic";

    public const string QuorumQueues = "quorum";

    /// <summary>Retries in place, while the message stays unacknowledged in the consumer (transient failures).</summary>
    public string RetryIntervals { get; set; } = "00:00:00.2,00:00:01,00:00:03,00:00:10";

    /// <summary>Delays before each redelivery from the database; empty parks a message at its first failure.</summary>
    public string RedeliveryIntervals { get; set; } = "00:01:00,00:05:00,00:15:00";

    /// <summary>How often each instance looks for messages due for redelivery.</summary>
    public TimeSpan RedeliveryPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages sent back per pass (each instance takes its own, SKIP LOCKED).</summary>
    public int RedeliveryBatchSize { get; set; } = 50;

    /// <summary>How long a redelivery waits for the broker's confirm before it counts as not sent.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most messages a batch consumer (IdempotentBatchConsumer) handles in one transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a message that finds no batch running waits for others to join it. Under load a batch starts as soon as
    /// the one before it ends, with whatever arrived meanwhile; this is the longest a message waits at low load.
    /// </summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// <c>classic</c> (one node holds each queue) or <c>quorum</c> (replicated on the cluster's nodes) for every durable
    /// receive endpoint; temporary queues stay classic (docs/messaging.md, "Queue types").
    /// </summary>
    public string QueueType { get; set; } = ClassicQueues;

    /// <summary>Nodes that hold each quorum queue; empty: RabbitMQ's default, every node of the cluster.</summary>
    public int? QuorumReplicationFactor { get; set; }

    /// <summary>A message never waits longer for its batch: the delay is for latency at low load, not for bigger batches.</summary>
    private static readonly TimeSpan MaxBatchDelay = TimeSpan.FromMilliseconds(100);

    public bool UsesQuorumQueues => string.Equals(QueueType?.Trim(), QuorumQueues, StringComparison.OrdinalIgnoreCase);

    private bool UsesClassicQueues =>
        string.IsNullOrWhiteSpace(QueueType) || string.Equals(QueueType.Trim(), ClassicQueues, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<TimeSpan> Retries => Parse(RetryIntervals);

    public IReadOnlyList<TimeSpan> Redeliveries => Parse(RedeliveryIntervals);

    /// <summary>The Spanish reason the settings are unusable, or null when they are fine.</summary>
    public string? Problem()
    {
        foreach (var (name, value) in new[] { (nameof(RetryIntervals), RetryIntervals), (nameof(RedeliveryIntervals), RedeliveryIntervals) })
        {
            if (!TryParse(value, out _))
            {
                return $"{Section}:{name} debe ser una lista de intervalos positivos separados por comas (por ejemplo 00:01:00,00:05:00).";
            }
        }

        // A redelivery sent before the previous delivery's retries in place ended would be sent twice.
        var retrying = Retries.Aggregate(TimeSpan.Zero, (sum, interval) => sum + interval);
        if (Redeliveries.Any(interval => interval <= retrying))
        {
            return $"Cada intervalo de {Section}:{nameof(RedeliveryIntervals)} debe ser mayor que la suma de {Section}:{nameof(RetryIntervals)} ({retrying}).";
        }

        if (RedeliveryPollInterval <= TimeSpan.Zero || SendTimeout <= TimeSpan.Zero)
        {
            return $"{Section}:{nameof(RedeliveryPollInterval)} y {Section}:{nameof(SendTimeout)} deben ser mayores que cero.";
        }

        if (RedeliveryBatchSize < 1 || BatchSize < 1)
        {
            return $"{Section}:{nameof(RedeliveryBatchSize)} y {Section}:{nameof(BatchSize)} deben ser al menos 1.";
        }

        if (BatchDelay < TimeSpan.Zero || BatchDelay > MaxBatchDelay)
        {
            return $"{Section}:{nameof(BatchDelay)} debe estar entre 0 y {MaxBatchDelay} (es {BatchDelay}).";
        }

        return QueueTypeProblem();
    }

    private string? QueueTypeProblem()
    {
        if (!UsesQuorumQueues && !UsesClassicQueues)
        {
            return $"{Section}:{nameof(QueueType)} debe ser '{ClassicQueues}' o '{QuorumQueues}' (es '{QueueType}').";
        }

        if (QuorumReplicationFactor is { } factor && UsesClassicQueues)
        {
            // A factor with classic queues would suggest replicated queues where there are none.
            return $"{Section}:{nameof(QuorumReplicationFactor)} ({factor}) solo vale con {Section}:{nameof(QueueType)} '{QuorumQueues}'.";
        }

        return QuorumReplicationFactor < 1
            ? $"{Section}:{nameof(QuorumReplicationFactor)} debe ser al menos 1 (es {QuorumReplicationFactor})."
            : null;
    }

    private static TimeSpan[] Parse(string? value) =>
        TryParse(value, out var intervals) ? intervals : throw new InvalidOperationException($"Intervalos no válidos: '{value}'.");

    private static bool TryParse(string? value, out TimeSpan[] intervals)
    {
        var parts = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        intervals = new TimeSpan[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TimeSpan.TryParse(parts[i], CultureInfo.InvariantCulture, out intervals[i]) || intervals[i] <= TimeSpan.Zero)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Refuses to start with unusable <see cref="MessagingOptions"/>, saying why in Spanish.</summary>
internal sealed class MessagingOptionsValidation : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options) =>
        options.Problem() is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
