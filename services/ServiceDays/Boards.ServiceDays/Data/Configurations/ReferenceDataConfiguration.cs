using Boards.ServiceDays.Features.Catalog;
using Boards.ServiceDays.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.ServiceDays.Data.Configurations;

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
