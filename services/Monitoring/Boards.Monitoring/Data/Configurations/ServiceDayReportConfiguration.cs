using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class ServiceDayReportConfiguration : IEntityTypeConfiguration<ServiceDayReport>
{
    public void Configure(EntityTypeBuilder<ServiceDayReport> row)
    {
        row.ToTable("service_day_reports");
        row.HasKey(r => r.ServiceDayId);
        row.Property(r => r.ServiceDayId).HasColumnName("service_day_id").ValueGeneratedNever();
        row.Property(r => r.Code).HasColumnName("municipality_code").HasMaxLength(64);
        row.Property(r => r.Date).HasColumnName("date");
        row.Property(r => r.PeopleServed).HasColumnName("people_served");
        row.Property(r => r.ReferralsMade).HasColumnName("referrals_made");
        row.Property(r => r.ReportVersion).HasColumnName("report_version");
        row.Property(r => r.ReportedAt).HasColumnName("reported_at");
        row.HasIndex(r => new { r.Code, r.Date }).HasDatabaseName("ix_service_day_reports_municipality_code_date");
    }
}
