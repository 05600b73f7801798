using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.BuildingBlocks.Municipalities;

/// <summary>
/// The <c>municipalities</c> table, the same in every service that keeps the replica. A service declares
/// <c>internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration&lt;Municipality&gt;;</c> in
/// Data/Configurations so that <c>ApplyConfigurationsFromAssembly</c> finds it.
/// </summary>
public abstract class MunicipalityReplicaConfiguration<TMunicipality> : IEntityTypeConfiguration<TMunicipality>
    where TMunicipality : ReplicatedMunicipality
{
    public const string Table = "municipalities";

    public void Configure(EntityTypeBuilder<TMunicipality> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Department).HasMaxLength(100);
        builder.Property(m => m.Status).HasMaxLength(40);
    }
}
