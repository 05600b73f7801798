using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.ServiceDays.Data.Configurations;

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> run)
    {
        run.ToTable("retention_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).UseIdentityAlwaysColumn();
        run.Property(r => r.StartedBy).HasMaxLength(RetentionRun.StartedByLength);
        run.HasIndex(r => r.At);
    }
}
