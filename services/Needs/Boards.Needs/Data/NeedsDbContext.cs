using Boards.BuildingBlocks.Data;
using Boards.Needs.Features.Assessment;
using Boards.Needs.Features.Categories;
using Boards.Needs.Features.GapAnalysis;
using Boards.Needs.Features.Offer;
using Boards.Needs.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;

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
