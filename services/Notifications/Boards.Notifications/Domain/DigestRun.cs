namespace Boards.Notifications.Domain;

/// <summary>
/// One person's digest for one day: unique per (person, <see cref="DueAt"/>), so two replicas never both send it.
/// </summary>
public sealed class DigestRun
{
    private DigestRun()
    {
    }

    public Guid Id { get; private set; }
    public string Subject { get; private set; } = "";

    /// <summary>The moment (the person's digest time that day, Paraguay time) whose items it carries: those created before.</summary>
    public DateTimeOffset DueAt { get; private set; }
    public int Items { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    public static DigestRun Sent(string subject, DateTimeOffset dueAt, int items, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Subject = subject, DueAt = dueAt, Items = items, SentAt = now,
    };
}
