using Boards.Participation.Domain;
using Boards.Participation.Domain.Codes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Participation.Data.Configurations;

internal sealed class PulseCodeConfiguration : IEntityTypeConfiguration<PulseCode>
{
    public void Configure(EntityTypeBuilder<PulseCode> row)
    {
        row.ToTable("pulse_codes");
        row.HasKey(r => r.Hash);
        // SHA-256 of the normalized code: 32 bytes, nothing else of the code is stored.
        row.Property(r => r.Hash).HasColumnName("hash").HasColumnType("bytea").ValueGeneratedNever();
        row.ToTable(table => table.HasCheckConstraint("ck_pulse_codes_hash_length", "octet_length(hash) = 32"));
        row.Property(r => r.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(ParticipationLimits.Code);
        row.Property(r => r.Source).HasColumnName("source").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.Quarter).HasColumnName("quarter").HasMaxLength(ParticipationLimits.Quarter);
        row.Property(r => r.AgeBand).HasColumnName("age_band").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.ExpiresOn).HasColumnName("expires_on");
        row.Property(r => r.ConsumedOn).HasColumnName("consumed_on");
    }
}

internal sealed class SlipBatchConfiguration : IEntityTypeConfiguration<SlipBatch>
{
    public void Configure(EntityTypeBuilder<SlipBatch> row)
    {
        row.ToTable("slip_batches");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        row.Property(r => r.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(ParticipationLimits.Code);
        row.Property(r => r.Source).HasColumnName("source").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.Quarter).HasColumnName("quarter").HasMaxLength(ParticipationLimits.Quarter);
        row.Property(r => r.AgeBand).HasColumnName("age_band").HasMaxLength(ParticipationLimits.Choice);
        row.Property(r => r.Count).HasColumnName("count");
        row.Property(r => r.IssuedBy).HasColumnName("issued_by").HasMaxLength(ParticipationLimits.UserName);
        row.Property(r => r.IssuedAt).HasColumnName("issued_at");
        row.Property(r => r.ExpiresOn).HasColumnName("expires_on");
        row.HasIndex(r => new { r.MunicipalityCode, r.IssuedAt }).HasDatabaseName("ix_slip_batches_municipality_issued_at");
    }
}
