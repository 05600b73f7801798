namespace Boards.BuildingBlocks.Outbox;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Refusals (failed attempts while the broker answered) after which a message is set aside so it stops being tried
    /// first on every pass. Attempts while the broker is down never count.
    /// </summary>
    public int MaxRefusals { get; set; } = 10;
}
