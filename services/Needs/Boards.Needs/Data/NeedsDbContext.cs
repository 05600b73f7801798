using Boards.BuildingBlocks.Data;
using Boards.Needs.Features.Categories;
using Boards.Needs.Features.Offer;
using Boards.Needs.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Boards.Needs.Data;

public sealed class NeedsDbContext(DbContextOptions<NeedsDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<NeedCategory> Categories => Set<NeedCategory>();
    public DbSet<OfferedService> Services => Set<OfferedService>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NeedsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
