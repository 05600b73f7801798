using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Monitoring.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> municipality)
    {
        municipality.ToTable("municipalities");
        municipality.HasKey(m => m.Code);
        municipality.Property(m => m.Code).HasColumnName("code").HasMaxLength(64).ValueGeneratedNever();
        municipality.Property(m => m.Name).HasColumnName("name").HasMaxLength(200);
        municipality.Property(m => m.Department).HasColumnName("department").HasMaxLength(100);
        municipality.Property(m => m.DepartmentNumber).HasColumnName("department_number");
        municipality.Property(m => m.Cohort).HasColumnName("cohort").HasMaxLength(MonitoringLimits.Cohort).HasDefaultValue("");
        municipality.Property(m => m.RegisteredAt).HasColumnName("registered_at");
    }
}
