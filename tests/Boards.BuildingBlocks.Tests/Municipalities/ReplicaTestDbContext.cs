using Boards.BuildingBlocks.Municipalities;

namespace Boards.BuildingBlocks.Tests.Municipalities;

/// <summary>A service's municipality replica in miniature, declared the way the services declare theirs.</summary>
public sealed class ReplicaTestDbContext(DbContextOptions<ReplicaTestDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new MunicipalityConfiguration());
}

public sealed class Municipality : ReplicatedMunicipality;

internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration<Municipality>;
