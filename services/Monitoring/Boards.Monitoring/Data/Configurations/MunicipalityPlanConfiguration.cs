using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class MunicipalityPlanConfiguration : IEntityTypeConfiguration<MunicipalityPlan>
{
    public void Configure(EntityTypeBuilder<MunicipalityPlan> row)
    {
        row.ToTable("municipality_plans");
        row.HasKey(r => r.Code);
        row.Property(r => r.Code).HasColumnName("code").HasMaxLength(64).ValueGeneratedNever();
        row.Property(r => r.Year).HasColumnName("year");
        row.Property(r => r.PlanId).HasColumnName("plan_id");
        row.Property(r => r.ApprovedVersion).HasColumnName("approved_version");
        row.Property(r => r.ApprovedAt).HasColumnName("approved_at");
        // As Planning sent it (any scale); rounded to one decimal only when shown.
        row.Property(r => r.Progress).HasColumnName("progress").HasColumnType("numeric");
        row.Property(r => r.ActionCount).HasColumnName("action_count");
        row.Property(r => r.FiguresAt).HasColumnName("figures_at");
        row.Property(r => r.OverdueActions).HasColumnName("overdue_actions");
        row.Property(r => r.DoneActions).HasColumnName("done_actions");
        row.Property(r => r.RollupAt).HasColumnName("rollup_at");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at");
    }
}
