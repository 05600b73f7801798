using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> announcement)
    {
        announcement.ToTable("announcements");
        announcement.HasKey(a => a.Id);
        announcement.HasIndex(a => a.Key).IsUnique();
        announcement.Property(a => a.Key).HasMaxLength(NotificationsLimits.Key);
        announcement.Property(a => a.Kind).HasMaxLength(NotificationsLimits.Kind);
        announcement.Property(a => a.AudienceRole).HasMaxLength(NotificationsLimits.Code);
        announcement.Property(a => a.AudienceMunicipality).HasMaxLength(NotificationsLimits.Code);
        announcement.Property(a => a.AudienceInstitution).HasMaxLength(NotificationsLimits.Code);
        announcement.Property(a => a.Title).HasMaxLength(NotificationsLimits.Title);
        announcement.Property(a => a.Body).HasMaxLength(NotificationsLimits.Body);
        announcement.Property(a => a.Link).HasMaxLength(NotificationsLimits.Link);
        announcement.Property(a => a.MunicipalityCode).HasMaxLength(NotificationsLimits.Code);
        announcement.Property(a => a.LastError).HasMaxLength(NotificationsLimits.Error);
        announcement.Ignore(a => a.Audience);
        // The fan-out reads only what it still has to do.
        announcement.HasIndex(a => a.CreatedAt).HasFilter("\"FannedOutAt\" IS NULL").HasDatabaseName("ix_announcements_pending");
    }
}
