using Boards.BuildingBlocks.Municipalities;
using Boards.Needs.Domain;
using Boards.Needs.Domain.Categories;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Needs.Data.Configurations;

/// <summary>The shared <c>municipalities</c> table of the replica (BuildingBlocks/Municipalities).</summary>
internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration<Municipality>;

internal sealed class NeedCategoryConfiguration : IEntityTypeConfiguration<NeedCategory>
{
    public void Configure(EntityTypeBuilder<NeedCategory> category)
    {
        category.ToTable("need_categories");
        category.HasKey(c => c.Code);
        category.Property(c => c.Code).HasMaxLength(NeedsLimits.Code);
        category.Property(c => c.Name).HasMaxLength(NeedsLimits.Name);
        category.Property(c => c.CreatedBy).HasMaxLength(200);
    }
}
