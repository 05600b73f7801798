using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        // Each person hears of each announcement once.
        notification.HasIndex(n => new { n.AnnouncementId, n.RecipientSubject }).IsUnique();
        notification.HasIndex(n => new { n.RecipientSubject, n.CreatedAt });
        notification.HasIndex(n => n.NextEmailAttemptAt).HasFilter("\"EmailStatus\" = 'pending'").HasDatabaseName("ix_notifications_email_pending");
        notification.HasIndex(n => n.RecipientSubject).HasFilter("\"EmailStatus\" = 'digest'").HasDatabaseName("ix_notifications_digest");
        notification.Property(n => n.RecipientSubject).HasMaxLength(NotificationsLimits.Subject);
        notification.Property(n => n.RecipientUserName).HasMaxLength(NotificationsLimits.UserName);
        notification.Property(n => n.Kind).HasMaxLength(NotificationsLimits.Kind);
        notification.Property(n => n.Title).HasMaxLength(NotificationsLimits.Title);
        notification.Property(n => n.Body).HasMaxLength(NotificationsLimits.Body);
        notification.Property(n => n.Link).HasMaxLength(NotificationsLimits.Link);
        notification.Property(n => n.MunicipalityCode).HasMaxLength(NotificationsLimits.Code);
        notification.Property(n => n.EmailStatus).HasMaxLength(NotificationsLimits.Mode);
        notification.Property(n => n.EmailAddress).HasMaxLength(NotificationsLimits.Email);
        notification.Property(n => n.LastEmailError).HasMaxLength(NotificationsLimits.Error);
        notification.Ignore(n => n.IsRead);
    }
}
