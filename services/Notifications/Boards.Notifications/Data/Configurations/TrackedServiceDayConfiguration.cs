using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class TrackedServiceDayConfiguration : IEntityTypeConfiguration<TrackedServiceDay>
{
    public void Configure(EntityTypeBuilder<TrackedServiceDay> day)
    {
        day.ToTable("tracked_service_days");
        day.HasKey(d => d.ServiceDayId);
        day.Property(d => d.ServiceDayId).ValueGeneratedNever();
        day.Property(d => d.MunicipalityCode).HasMaxLength(NotificationsLimits.Code);
        day.Property(d => d.Locality).HasMaxLength(NotificationsLimits.Title);
        day.Property(d => d.Status).HasMaxLength(NotificationsLimits.Kind);
        day.HasIndex(d => d.Date);
    }
}
