using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class MunicipalityReferralTotalsConfiguration : IEntityTypeConfiguration<MunicipalityReferralTotals>
{
    public void Configure(EntityTypeBuilder<MunicipalityReferralTotals> totals)
    {
        totals.ToTable("municipality_referral_totals");
        totals.HasKey(t => t.Code);
        totals.Property(t => t.Code).HasColumnName("code").HasMaxLength(64).ValueGeneratedNever();
        totals.Property(t => t.Sent).HasColumnName("sent");
        totals.Property(t => t.Open).HasColumnName("open");
        totals.Property(t => t.Accepted).HasColumnName("accepted");
        totals.Property(t => t.Rejected).HasColumnName("rejected");
        totals.Property(t => t.Completed).HasColumnName("completed");
        totals.Property(t => t.Failed).HasColumnName("failed");
        totals.Property(t => t.Cancelled).HasColumnName("cancelled");
        totals.Property(t => t.Overdue).HasColumnName("overdue");
        totals.Property(t => t.CounterReferred).HasColumnName("counter_referred");
        totals.Property(t => t.MedianSecondsToAccept).HasColumnName("median_seconds_to_accept");
        totals.Property(t => t.MedianSecondsToCounterReferral).HasColumnName("median_seconds_to_counter_referral");
    }
}
