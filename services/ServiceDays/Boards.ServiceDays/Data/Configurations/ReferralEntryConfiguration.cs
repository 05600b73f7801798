using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.ServiceDays.Data.Configurations;

internal sealed class ReferralEntryConfiguration : IEntityTypeConfiguration<ReferralEntry>
{
    public void Configure(EntityTypeBuilder<ReferralEntry> entry)
    {
        entry.ToTable("referral_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.HasIndex(e => new { e.ServiceDayId, e.EntryId }).IsUnique();
        entry.HasIndex(e => e.RequestId).IsUnique();
        // The retention sweep looks for undelivered entries by reception date; delivered ones are most and never wanted.
        entry.HasIndex(e => e.ReceivedAt).HasFilter("\"Status\" IN ('pending', 'failed')");
        entry.Property(e => e.EntryId).HasMaxLength(100);
        entry.Property(e => e.RequestId).HasMaxLength(150);
        // A correction replaces the content: two at once, or one while the old content is being sent, must not both win.
        entry.Property(e => e.ContentHash).HasMaxLength(64).IsConcurrencyToken();
        entry.Property(e => e.Status).HasMaxLength(16)
            .HasConversion(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<ReferralEntryStatus>(v, true));
        entry.Property(e => e.OriginInstitution).HasMaxLength(ServiceDaysLimits.Code);
        entry.Property(e => e.DestinationInstitution).HasMaxLength(ServiceDaysLimits.Code);
        entry.Property(e => e.DestinationMunicipalityCode).HasMaxLength(ServiceDaysLimits.Code);
        entry.Property(e => e.ServiceCode).HasMaxLength(ServiceDaysLimits.Code);
        entry.Property(e => e.NeedCategory).HasMaxLength(ServiceDaysLimits.Code);
        entry.Property(e => e.Priority).HasMaxLength(ServiceDaysLimits.Choice);
        entry.Property(e => e.PendingPayload).HasColumnType("jsonb");
        entry.Property(e => e.ReferralId).HasMaxLength(64);
        entry.Property(e => e.Outcome).HasMaxLength(2000);
        entry.Property(e => e.Error).HasMaxLength(2000);
        entry.Property(e => e.FailureKind).HasMaxLength(ServiceDaysLimits.FailureKind);
        entry.Property(e => e.ReceivedBy).HasMaxLength(200);
        entry.HasOne<ServiceDay>().WithMany().HasForeignKey(e => e.ServiceDayId).OnDelete(DeleteBehavior.Restrict);
    }
}
