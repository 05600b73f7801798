using Boards.BuildingBlocks.Data;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Features.Approval;
using Boards.Planning.Features.Proposals;
using Boards.Planning.Features.ReferenceData;
using Boards.Planning.Features.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Data;

public sealed class PlanningDbContext(DbContextOptions<PlanningDbContext> options) : DbContext(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<PlanVersion> Versions => Set<PlanVersion>();
    public DbSet<ProposedAction> Proposals => Set<ProposedAction>();
    public DbSet<PrioritizedNeedReplica> PrioritizedNeeds => Set<PrioritizedNeedReplica>();
    public DbSet<SessionReplica> Sessions => Set<SessionReplica>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanningDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
