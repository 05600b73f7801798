using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.ServiceDays.Data.Configurations;

internal sealed class ServiceDayConfiguration : IEntityTypeConfiguration<ServiceDay>
{
    public void Configure(EntityTypeBuilder<ServiceDay> day)
    {
        day.ToTable("service_days");
        day.HasKey(d => d.Id);
        day.Property(d => d.Id).ValueGeneratedNever();
        day.HasIndex(d => new { d.MunicipalityCode, d.Date });
        day.Property(d => d.MunicipalityCode).HasMaxLength(ServiceDaysLimits.Code);
        day.Property(d => d.Locality).HasMaxLength(ServiceDaysLimits.Text);
        day.Property(d => d.Venue).HasMaxLength(ServiceDaysLimits.Text);
        // Stored as the codes clients see, so the table reads without the code.
        day.Property(d => d.Status).HasMaxLength(16).HasConversion(v => v.Code(), v => ServiceDayLifecycle.Codes[v]);
        day.Property(d => d.CreatedBy).HasMaxLength(200);
        day.Property(d => d.UpdatedBy).HasMaxLength(200);
        day.Property(d => d.ReportedBy).HasMaxLength(200);
        day.Property(d => d.CancellationReason).HasMaxLength(ServiceDaysLimits.CancellationReason);
        day.Property(d => d.ReportNotes).HasMaxLength(ServiceDaysLimits.ReportNotes);
        day.Property(d => d.Version).IsConcurrencyToken();
        day.Ignore(d => d.Institutions);
        day.HasMany(d => d.Services).WithOne().HasForeignKey(s => s.ServiceDayId).OnDelete(DeleteBehavior.Cascade);
        day.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DayServiceConfiguration : IEntityTypeConfiguration<DayService>
{
    public void Configure(EntityTypeBuilder<DayService> service)
    {
        service.ToTable("service_day_services");
        service.HasKey(s => s.Id);
        service.Property(s => s.Id).ValueGeneratedNever();
        service.HasIndex(s => new { s.ServiceDayId, s.ServiceCode }).IsUnique();
        service.Property(s => s.InstitutionCode).HasMaxLength(ServiceDaysLimits.Code);
        service.Property(s => s.ServiceCode).HasMaxLength(ServiceDaysLimits.Code);
        service.Property(s => s.ServiceName).HasMaxLength(200);
    }
}
