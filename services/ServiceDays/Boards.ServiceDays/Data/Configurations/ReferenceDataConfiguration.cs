using Boards.BuildingBlocks.Municipalities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.ServiceDays.Data.Configurations;

/// <summary>The shared <c>municipalities</c> table of the replica (BuildingBlocks/Municipalities).</summary>
internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration<Municipality>;

internal sealed class CatalogServiceConfiguration : IEntityTypeConfiguration<CatalogService>
{
    public void Configure(EntityTypeBuilder<CatalogService> service)
    {
        service.ToTable("catalog_services");
        service.HasKey(s => new { s.MunicipalityCode, s.ServiceCode });
        service.Property(s => s.MunicipalityCode).HasMaxLength(64);
        service.Property(s => s.ServiceCode).HasMaxLength(64);
        service.Property(s => s.Name).HasMaxLength(200);
        service.Property(s => s.Program).HasMaxLength(200);
        service.Property(s => s.InstitutionCode).HasMaxLength(64);
        service.Property(s => s.Channel).HasMaxLength(40);
        service.Property(s => s.CapacityStatus).HasMaxLength(40);
    }
}
