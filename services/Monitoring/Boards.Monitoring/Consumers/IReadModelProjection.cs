namespace Boards.Monitoring.Consumers;

/// <summary>
/// How one event folds into the read model: the apply logic behind <see cref="ReadModelConsumer{TEvent}"/>. It writes
/// through the consumer's <paramref name="db"/>, inside the transaction that also holds the inbox row.
/// </summary>
public interface IReadModelProjection<in TEvent>
    where TEvent : class
{
    /// <summary>Folds the event in; returns the code of the municipality whose rows changed, or null when nothing changed.</summary>
    Task<string?> ApplyAsync(MonitoringDbContext db, TEvent message, CancellationToken cancellationToken);
}
