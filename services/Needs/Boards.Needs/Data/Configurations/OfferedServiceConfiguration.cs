using Boards.Needs.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Needs.Data.Configurations;

internal sealed class OfferedServiceConfiguration : IEntityTypeConfiguration<OfferedService>
{
    public void Configure(EntityTypeBuilder<OfferedService> service)
    {
        service.ToTable("offered_services");
        service.HasKey(s => s.Id);
        service.HasIndex(s => new { s.MunicipalityCode, s.Code }).IsUnique();
        service.Property(s => s.MunicipalityCode).HasMaxLength(NeedsLimits.Code);
        service.Property(s => s.Code).HasMaxLength(NeedsLimits.Code);
        service.Property(s => s.Name).HasMaxLength(NeedsLimits.Name);
        service.Property(s => s.Program).HasMaxLength(NeedsLimits.Name);
        service.Property(s => s.InstitutionCode).HasMaxLength(NeedsLimits.Code);
        service.Property(s => s.EligibilitySummary).HasMaxLength(NeedsLimits.EligibilitySummary);
        service.Property(s => s.UpdatedBy).HasMaxLength(200);
        // Stored as the same snake_case codes clients see, so the table reads without the code.
        service.Property(s => s.Channel).HasMaxLength(NeedsLimits.Choice)
            .HasConversion(v => v.Code(), v => OfferCodes.Channels[v]);
        service.Property(s => s.CapacityStatus).HasMaxLength(NeedsLimits.Choice)
            .HasConversion(v => v.Code(), v => OfferCodes.Statuses[v]);
        service.Property(s => s.WaitlistBand).HasMaxLength(NeedsLimits.Choice)
            .HasConversion(v => v!.Value.Code(), v => OfferCodes.Bands[v]);
        service.Property(s => s.Version).IsConcurrencyToken();
        service.HasOne<Domain.Municipality>().WithMany().HasForeignKey(s => s.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
