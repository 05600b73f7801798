using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

/// <summary>Written only by SQL (<see cref="ServiceDayInstitutionWrites"/>).</summary>
internal sealed class ServiceDayInstitutionConfiguration : IEntityTypeConfiguration<ServiceDayInstitution>
{
    public void Configure(EntityTypeBuilder<ServiceDayInstitution> row)
    {
        row.ToTable("service_day_institutions");
        row.HasKey(r => new { r.ServiceDayId, r.InstitutionCode });
        row.Property(r => r.ServiceDayId).HasColumnName("service_day_id").ValueGeneratedNever();
        row.Property(r => r.InstitutionCode).HasColumnName("institution_code").HasMaxLength(64);
        row.Property(r => r.Code).HasColumnName("municipality_code").HasMaxLength(64);
        row.Property(r => r.Date).HasColumnName("date");
        row.Property(r => r.Attentions).HasColumnName("attentions");
        row.Property(r => r.Services).HasColumnName("services");
        // A period's days of one municipality, with what they add up.
        row.HasIndex(r => new { r.Code, r.Date })
            .IncludeProperties(r => new { r.InstitutionCode, r.Attentions })
            .HasDatabaseName("ix_service_day_institutions_municipality_code_date");
    }
}
