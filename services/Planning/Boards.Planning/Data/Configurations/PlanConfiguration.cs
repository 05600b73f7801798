using Boards.Planning.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Planning.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.ToTable("plans");
        plan.HasKey(p => p.Id);
        plan.HasIndex(p => new { p.MunicipalityCode, p.Year }).IsUnique();
        plan.Property(p => p.MunicipalityCode).HasMaxLength(PlanningLimits.Code);
        plan.Property(p => p.Title).HasMaxLength(PlanningLimits.PlanTitle);
        plan.Property(p => p.Status).HasMaxLength(16).HasConversion(v => v == PlanStatus.Draft ? "draft" : "approved", v => v == "draft" ? PlanStatus.Draft : PlanStatus.Approved);
        plan.Property(p => p.CreatedBy).HasMaxLength(200);
        plan.Property(p => p.ApprovedBy).HasMaxLength(200);
        plan.Property(p => p.Revision).IsConcurrencyToken();
        plan.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Restrict);
        plan.Navigation(p => p.Objectives).HasField("_objectives").UsePropertyAccessMode(PropertyAccessMode.Field);
        plan.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        plan.Navigation(p => p.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        plan.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        plan.Ignore(p => p.CurrentObjectives);
        plan.Ignore(p => p.CurrentActions);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> objective)
    {
        objective.ToTable("objectives");
        objective.HasKey(o => o.Id);
        objective.HasIndex(o => new { o.PlanId, o.Number }).IsUnique();
        objective.Property(o => o.Title).HasMaxLength(PlanningLimits.Title);
        objective.Property(o => o.Description).HasMaxLength(PlanningLimits.Description);
        objective.Property(o => o.Weight).HasPrecision(9, 2);
        objective.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> action)
    {
        action.ToTable("plan_actions");
        action.HasKey(a => a.Id);
        action.HasIndex(a => new { a.PlanId, a.Number }).IsUnique();
        action.HasIndex(a => a.AgreementId).IsUnique().HasFilter("\"AgreementId\" IS NOT NULL");
        action.HasOne<Objective>().WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        action.Property(a => a.Title).HasMaxLength(PlanningLimits.Title);
        action.Property(a => a.Horizon).HasMaxLength(PlanningLimits.Choice).HasConversion(v => v.Code(), v => Horizons.ByCode[v]);
        action.Property(a => a.InstitutionCode).HasMaxLength(PlanningLimits.Code);
        action.Property(a => a.Weight).HasPrecision(9, 2);
        action.Property(a => a.Progress).HasPrecision(5, 2);
        action.Property(a => a.Status).HasMaxLength(PlanningLimits.Choice).HasConversion(v => v.Code(), v => ActionStatuses.ByCode[v]);
        action.Property(a => a.ProgressReason).HasMaxLength(PlanningLimits.Reason);
        action.Property(a => a.UpdatedBy).HasMaxLength(200);
        action.Property(a => a.Indicators).AsJson();
        action.Property(a => a.Version).IsConcurrencyToken();
        action.ToTable(t =>
        {
            t.HasCheckConstraint("ck_plan_actions_budget", "\"Budget\" >= 0");
            t.HasCheckConstraint("ck_plan_actions_progress", "\"Progress\" BETWEEN 0 AND 100");
        });
    }
}
