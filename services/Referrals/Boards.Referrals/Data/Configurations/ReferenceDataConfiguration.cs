using Boards.BuildingBlocks.Municipalities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Referrals.Data.Configurations;

/// <summary>The shared <c>municipalities</c> table of the replica (BuildingBlocks/Municipalities).</summary>
internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration<Municipality>;

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
