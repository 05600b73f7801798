using Boards.Membership.Features.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

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
        municipality.Property(m => m.ContextUpdatedBy).HasMaxLength(200);
    }
}
