using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> row)
    {
        row.ToTable("plan_actions");
        row.HasKey(r => r.ActionId);
        row.Property(r => r.ActionId).HasColumnName("action_id").ValueGeneratedNever();
        row.Property(r => r.PlanId).HasColumnName("plan_id");
        row.Property(r => r.Code).HasColumnName("municipality_code").HasMaxLength(64);
        row.Property(r => r.Year).HasColumnName("year");
        row.Property(r => r.ActionVersion).HasColumnName("action_version");
        row.Property(r => r.Status).HasColumnName("status");
        row.Property(r => r.Progress).HasColumnName("progress").HasColumnType("numeric");
        row.Property(r => r.EndsOn).HasColumnName("ends_on");
        row.Property(r => r.Overdue).HasColumnName("overdue");
        row.Property(r => r.OccurredAt).HasColumnName("occurred_at");
        row.HasIndex(r => r.PlanId).HasDatabaseName("ix_plan_actions_plan_id");
    }
}
