using Boards.Needs.Features.Categories;
using Boards.Needs.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Needs.Data.Configurations;

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

internal sealed class NeedCategoryConfiguration : IEntityTypeConfiguration<NeedCategory>
{
    public void Configure(EntityTypeBuilder<NeedCategory> category)
    {
        category.ToTable("need_categories");
        category.HasKey(c => c.Code);
        category.Property(c => c.Code).HasMaxLength(CategoryCatalog.MaxCodeLength);
        category.Property(c => c.Name).HasMaxLength(CategoryCatalog.MaxNameLength);
        category.Property(c => c.CreatedBy).HasMaxLength(200);
    }
}
