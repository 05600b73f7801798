using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class MunicipalityMonthTotalsConfiguration : IEntityTypeConfiguration<MunicipalityMonthTotals>
{
    public void Configure(EntityTypeBuilder<MunicipalityMonthTotals> totals)
    {
        totals.ToTable("municipality_month_totals");
        // The key is also the index a period reads: one municipality's months in a range.
        totals.HasKey(t => new { t.Code, t.Month });
        totals.Property(t => t.Code).HasColumnName("code").HasMaxLength(64).ValueGeneratedNever();
        totals.Property(t => t.Month).HasColumnName("month");
        totals.Property(t => t.Sent).HasColumnName("sent");
        totals.Property(t => t.Open).HasColumnName("open");
        totals.Property(t => t.Accepted).HasColumnName("accepted");
        totals.Property(t => t.Rejected).HasColumnName("rejected");
        totals.Property(t => t.Completed).HasColumnName("completed");
        totals.Property(t => t.Failed).HasColumnName("failed");
        totals.Property(t => t.Cancelled).HasColumnName("cancelled");
        totals.Property(t => t.Overdue).HasColumnName("overdue");
        totals.Property(t => t.CounterReferred).HasColumnName("counter_referred");
    }
}
