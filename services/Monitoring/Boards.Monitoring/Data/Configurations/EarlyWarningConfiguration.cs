using System.Text.Json;
using Boards.Monitoring.Domain.EarlyWarnings;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class EarlyWarningConfiguration : IEntityTypeConfiguration<EarlyWarning>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<EarlyWarning> row)
    {
        row.ToTable("early_warnings");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        row.Property(r => r.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(MonitoringLimits.Code);
        row.Property(r => r.Rule).HasColumnName("rule").HasMaxLength(40);
        row.Property(r => r.RuleTitle).HasColumnName("rule_title").HasMaxLength(200);
        row.Property(r => r.Evidence).HasColumnName("evidence");
        row.Property(r => r.Figures).HasColumnName("figures").HasColumnType("jsonb")
            .HasConversion(
                figures => JsonSerializer.Serialize(figures, Json),
                json => JsonSerializer.Deserialize<Dictionary<string, decimal>>(json, Json) ?? new Dictionary<string, decimal>(),
                new ValueComparer<Dictionary<string, decimal>>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    figures => figures.Aggregate(0, (hash, f) => HashCode.Combine(hash, f.Key, f.Value)),
                    figures => new Dictionary<string, decimal>(figures)));
        row.Property(r => r.RaisedAt).HasColumnName("raised_at");
        row.Property(r => r.AcknowledgedAt).HasColumnName("acknowledged_at");
        row.Property(r => r.AcknowledgedBy).HasColumnName("acknowledged_by").HasMaxLength(200);
        row.Property(r => r.AcknowledgementNote).HasColumnName("acknowledgement_note").HasMaxLength(MonitoringLimits.Note);
        row.Property(r => r.ResolvedAt).HasColumnName("resolved_at");
        row.Ignore(r => r.Status);
        row.Ignore(r => r.IsOpen);
        // One open warning per municipality and rule, whatever the number of sweeping instances.
        row.HasIndex(r => new { r.MunicipalityCode, r.Rule }).IsUnique().HasFilter("resolved_at IS NULL")
            .HasDatabaseName("ux_early_warnings_open");
        row.HasIndex(r => new { r.MunicipalityCode, r.RaisedAt }).HasDatabaseName("ix_early_warnings_municipality_raised_at");
    }
}
