using Boards.Needs.Domain.Gaps;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Needs.Data.Configurations;

internal sealed class ReferralEvidenceConfiguration : IEntityTypeConfiguration<ReferralEvidence>
{
    public void Configure(EntityTypeBuilder<ReferralEvidence> evidence)
    {
        evidence.ToTable("referral_evidence");
        evidence.HasKey(e => e.Id);
        evidence.HasIndex(e => new { e.ReferralId, e.Kind }).IsUnique();
        evidence.HasIndex(e => new { e.MunicipalityCode, e.OccurredAt });
        evidence.Property(e => e.Kind).HasMaxLength(40);
        evidence.Property(e => e.MunicipalityCode).HasMaxLength(64);
        evidence.Property(e => e.DestinationMunicipalityCode).HasMaxLength(64);
        evidence.Property(e => e.ServiceCode).HasMaxLength(64);
        evidence.Property(e => e.NeedCategory).HasMaxLength(64);
    }
}
