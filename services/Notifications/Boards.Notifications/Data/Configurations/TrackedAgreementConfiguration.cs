using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Notifications.Data.Configurations;

internal sealed class TrackedAgreementConfiguration : IEntityTypeConfiguration<TrackedAgreement>
{
    public void Configure(EntityTypeBuilder<TrackedAgreement> agreement)
    {
        agreement.ToTable("tracked_agreements");
        agreement.HasKey(a => a.AgreementId);
        agreement.Property(a => a.AgreementId).ValueGeneratedNever();
        agreement.Property(a => a.MunicipalityCode).HasMaxLength(NotificationsLimits.Code);
        agreement.Property(a => a.ResponsibleInstitution).HasMaxLength(NotificationsLimits.Code);
        agreement.Property(a => a.Status).HasMaxLength(NotificationsLimits.Kind);
        agreement.HasIndex(a => a.DueOn);
        agreement.Ignore(a => a.IsOpen);
    }
}
