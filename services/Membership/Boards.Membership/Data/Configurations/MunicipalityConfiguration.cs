using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> municipality)
    {
        municipality.ToTable("municipalities");
        municipality.HasKey(m => m.Code);
        municipality.Property(m => m.Code).HasMaxLength(MembershipLimits.Code);
        municipality.Property(m => m.Name).HasMaxLength(MembershipLimits.Name);
        municipality.Property(m => m.Department).HasMaxLength(MembershipLimits.Department);
        municipality.Property(m => m.Status).HasMaxLength(MembershipLimits.MunicipalityStatus);
        municipality.Property(m => m.ContextUpdatedBy).HasMaxLength(200);
    }
}
