using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class TrackedReferralConfiguration : IEntityTypeConfiguration<TrackedReferral>
{
    public void Configure(EntityTypeBuilder<TrackedReferral> referral)
    {
        referral.ToTable("tracked_referrals");
        referral.HasKey(r => r.ReferralId);
        referral.Property(r => r.ReferralId).ValueGeneratedNever();
        referral.Property(r => r.Status).HasMaxLength(NotificationsLimits.Kind);
        referral.Property(r => r.OriginMunicipality).HasMaxLength(NotificationsLimits.Code);
        referral.Property(r => r.OriginInstitution).HasMaxLength(NotificationsLimits.Code);
        referral.Property(r => r.DestinationMunicipality).HasMaxLength(NotificationsLimits.Code);
        referral.Property(r => r.DestinationInstitution).HasMaxLength(NotificationsLimits.Code);
        referral.Property(r => r.ServiceCode).HasMaxLength(NotificationsLimits.Code);
        referral.Property(r => r.Priority).HasMaxLength(NotificationsLimits.Kind);
        referral.OwnsOne(r => r.Accept, Track("Accept"));
        referral.OwnsOne(r => r.CounterReferral, Track("CounterReferral"));
    }

    private static Action<OwnedNavigationBuilder<TrackedReferral, DeadlineTrack>> Track(string prefix) => track =>
    {
        track.Property(t => t.DueAt).HasColumnName(prefix + "DueAt");
        track.Property(t => t.Step).HasColumnName(prefix + "Step").HasMaxLength(NotificationsLimits.Kind);
        track.Property(t => t.NextAt).HasColumnName(prefix + "NextAt");
        track.HasIndex(t => t.NextAt);
        track.Ignore(t => t.IsOpen);
    };
}
