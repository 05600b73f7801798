using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

/// <summary>snake_case columns: the indicators are computed by hand-written SQL (see MunicipalitySummaryReader).</summary>
internal sealed class ReferralFactConfiguration : IEntityTypeConfiguration<ReferralFact>
{
    public void Configure(EntityTypeBuilder<ReferralFact> fact)
    {
        fact.ToTable("referral_facts");
        fact.HasKey(f => f.ReferralId);
        fact.Property(f => f.ReferralId).HasColumnName("referral_id").ValueGeneratedNever();
        fact.Property(f => f.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(64);
        fact.Property(f => f.Status).HasColumnName("status").HasMaxLength(20)
            .HasConversion(status => status.Code(), code => ReferralStatuses.Parse(code));
        fact.Property(f => f.Version).HasColumnName("version");
        fact.Property(f => f.CreatedAt).HasColumnName("created_at");
        fact.Property(f => f.AcceptedAt).HasColumnName("accepted_at");
        fact.Property(f => f.CounterReferredAt).HasColumnName("counter_referred_at");
        fact.Property(f => f.Overdue).HasColumnName("overdue");
        fact.Property(f => f.NeedCategory).HasColumnName("need_category").HasMaxLength(64).HasDefaultValue("");
        fact.Property(f => f.RejectionReason).HasColumnName("rejection_reason").HasMaxLength(40);
        fact.Property(f => f.RejectedAt).HasColumnName("rejected_at");
        fact.Property(f => f.OverdueAt).HasColumnName("overdue_at");
        fact.Ignore(f => f.IsOpen);
        fact.Ignore(f => f.IsOverdueNow);
        // Per municipality by creation time: the summary's per-municipality reads, rule 3's weeks and the trend months
        // (a range scan per month). The columns the trends count ride along, so they are read from the index alone.
        fact.HasIndex(f => new { f.MunicipalityCode, f.CreatedAt })
            .IncludeProperties(f => new { f.Status, f.NeedCategory, f.RejectionReason })
            .HasDatabaseName("ix_referral_facts_municipality_code_created_at");
        // The early-warning sweep's time windows (rules 1 and 2): without them each pass read the whole table, about
        // 0.9 s of both cores at 10 million facts. Partial, so they hold only the rows those rules count.
        fact.HasIndex(f => f.OverdueAt)
            .IncludeProperties(f => f.MunicipalityCode)
            .HasFilter("overdue_at IS NOT NULL")
            .HasDatabaseName("ix_referral_facts_overdue_at");
        fact.HasIndex(f => f.RejectedAt)
            .IncludeProperties(f => new { f.MunicipalityCode, f.NeedCategory })
            .HasFilter("rejection_reason IN ('no_capacity', 'service_not_offered')")
            .HasDatabaseName("ix_referral_facts_unmet_rejections");
    }
}
