using Boards.BuildingBlocks.Inbox;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Outbox;

namespace Boards.BuildingBlocks.Data;

public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Adds the outbox_messages, inbox_messages and parked_messages tables to a service's own database (parked_messages:
    /// the consumers' failures waiting for a redelivery or an operator, docs/messaging.md).
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(128);
            outbox.Property(m => m.TraceState).HasMaxLength(512);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.HasIndex(m => m.Id).HasFilter("\"PublishedAt\" IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });

        modelBuilder.Entity<ParkedMessage>(parked =>
        {
            parked.ToTable("parked_messages");
            parked.HasKey(m => m.Id);
            parked.Property(m => m.Queue).HasMaxLength(200);
            parked.Property(m => m.MessageType).HasMaxLength(300);
            parked.Property(m => m.Payload).HasColumnType("jsonb");
            parked.Property(m => m.TraceParent).HasMaxLength(128);
            parked.Property(m => m.TraceState).HasMaxLength(512);
            parked.Property(m => m.LastError).HasMaxLength(2000);
            // One row per message and queue: a failure of a redelivered (or republished) message updates its row.
            parked.HasIndex(m => new { m.MessageId, m.Queue }).IsUnique();
            parked.HasIndex(m => m.NextAttemptAt).HasFilter("\"NextAttemptAt\" IS NOT NULL").HasDatabaseName("ix_parked_messages_due");
        });

        return modelBuilder;
    }
}
