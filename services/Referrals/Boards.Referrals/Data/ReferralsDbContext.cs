using Boards.BuildingBlocks.Data;

namespace Boards.Referrals.Data;

public sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options) : DbContext(options)
{
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Institution> Institutions => Set<Institution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReferralsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
