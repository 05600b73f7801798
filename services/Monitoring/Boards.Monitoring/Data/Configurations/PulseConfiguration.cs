using Boards.Monitoring.Domain.Pulse;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class PulseAnswerFactConfiguration : IEntityTypeConfiguration<PulseAnswerFact>
{
    public void Configure(EntityTypeBuilder<PulseAnswerFact> row)
    {
        row.ToTable("pulse_answers");
        row.HasKey(r => r.AnswerId);
        row.Property(r => r.AnswerId).HasColumnName("answer_id").ValueGeneratedNever();
        row.Property(r => r.Code).HasColumnName("municipality_code").HasMaxLength(MonitoringLimits.Code);
        row.Property(r => r.Quarter).HasColumnName("quarter").HasMaxLength(7);
        row.Property(r => r.Source).HasColumnName("source").HasMaxLength(32);
        row.Property(r => r.AgeBand).HasColumnName("age_band").HasMaxLength(32);
        row.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(32);
        row.Property(r => r.WithCode).HasColumnName("with_code");
        row.Property(r => r.GotWhatCameFor).HasColumnName("got_what_came_for");
        row.Property(r => r.TreatedWell).HasColumnName("treated_well");
        row.Property(r => r.TrustBoard).HasColumnName("trust_board");
        row.Property(r => r.CouldSpeak).HasColumnName("could_speak");
        row.Property(r => r.AgreementsClear).HasColumnName("agreements_clear");
        row.Property(r => r.TrustInstitutions).HasColumnName("trust_institutions");
        row.Property(r => r.EndowmentShare).HasColumnName("endowment_share");
        row.HasIndex(r => new { r.Code, r.Quarter }).HasDatabaseName("ix_pulse_answers_municipality_quarter");
    }
}

internal sealed class PulseSlipBatchConfiguration : IEntityTypeConfiguration<PulseSlipBatch>
{
    public void Configure(EntityTypeBuilder<PulseSlipBatch> row)
    {
        row.ToTable("pulse_slip_batches");
        row.HasKey(r => r.BatchId);
        row.Property(r => r.BatchId).HasColumnName("batch_id").ValueGeneratedNever();
        row.Property(r => r.Code).HasColumnName("municipality_code").HasMaxLength(MonitoringLimits.Code);
        row.Property(r => r.Quarter).HasColumnName("quarter").HasMaxLength(7);
        row.Property(r => r.Source).HasColumnName("source").HasMaxLength(32);
        row.Property(r => r.AgeBand).HasColumnName("age_band").HasMaxLength(32);
        row.Property(r => r.Count).HasColumnName("count");
        row.HasIndex(r => new { r.Code, r.Quarter }).HasDatabaseName("ix_pulse_slip_batches_municipality_quarter");
    }
}
