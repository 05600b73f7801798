using Boards.Referrals.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Referrals.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> municipality)
    {
        municipality.ToTable("municipalities");
        municipality.HasKey(m => m.Code);
        municipality.Property(m => m.Code).HasMaxLength(64);
        municipality.Property(m => m.Name).HasMaxLength(200);
        municipality.Property(m => m.Department).HasMaxLength(100);
        municipality.Property(m => m.Status).HasMaxLength(40);
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> institution)
    {
        institution.ToTable("institutions");
        institution.HasKey(i => i.Code);
        institution.Property(i => i.Code).HasMaxLength(64);
        institution.Property(i => i.Name).HasMaxLength(200);
    }
}
