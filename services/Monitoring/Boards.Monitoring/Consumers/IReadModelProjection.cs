namespace Boards.Monitoring.Consumers;

/// <summary>
/// How one event folds into the read model: the apply logic behind <see cref="ReadModelConsumer{TEvent}"/>. It writes
/// through <paramref name="db"/>, inside the transaction that also holds the inbox row: a batch's, shared with other
/// events (which may have changed the same rows before it), or the event's own.
/// </summary>
public interface IReadModelProjection<in TEvent>
    where TEvent : class
{
    /// <summary>Folds the event in; returns the code of the municipality whose rows changed, or null when nothing changed.</summary>
    Task<string?> ApplyAsync(MonitoringDbContext db, TEvent message, CancellationToken cancellationToken);
}
