using System.Text.Json;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Answers;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Participation.Data.Configurations;

internal sealed class PulseAnswerConfiguration : IEntityTypeConfiguration<PulseAnswer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PulseAnswer> row)
    {
        row.ToTable("pulse_answers");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        row.Property(r => r.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(ParticipationLimits.Code);
        row.Property(r => r.Quarter).HasColumnName("quarter").HasMaxLength(ParticipationLimits.Quarter);
        row.Property(r => r.Source).HasColumnName("source").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.AgeBand).HasColumnName("age_band").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.WithCode).HasColumnName("with_code");
        row.Property(r => r.Scores).HasColumnName("scores").HasColumnType("jsonb")
            .HasConversion(
                scores => JsonSerializer.Serialize(scores, Json),
                json => JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    scores => scores.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.Key, s.Value)),
                    scores => new Dictionary<string, int>(scores)));
        row.Property(r => r.EndowmentShare).HasColumnName("endowment_share");
        row.Property(r => r.RecordedBy).HasColumnName("recorded_by").HasMaxLength(ParticipationLimits.UserName);
        row.HasIndex(r => new { r.MunicipalityCode, r.Quarter }).HasDatabaseName("ix_pulse_answers_municipality_quarter");
    }
}
