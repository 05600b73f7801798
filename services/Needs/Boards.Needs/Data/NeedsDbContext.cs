using Boards.BuildingBlocks.Data;
using Boards.Needs.Domain;
using Boards.Needs.Domain.Categories;
using Boards.Needs.Domain.Gaps;

namespace Boards.Needs.Data;

public sealed class NeedsDbContext(DbContextOptions<NeedsDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<NeedCategory> Categories => Set<NeedCategory>();
    public DbSet<OfferedService> Services => Set<OfferedService>();
    public DbSet<AssessmentRound> Rounds => Set<AssessmentRound>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<NeedBallot> Ballots => Set<NeedBallot>();
    public DbSet<ReferralEvidence> ReferralEvidence => Set<ReferralEvidence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NeedsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
