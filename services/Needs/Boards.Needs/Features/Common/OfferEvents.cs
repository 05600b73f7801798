using Boards.Needs.Contracts.Events;

namespace Boards.Needs.Features.Common;

public static class OfferEvents
{
    /// <summary>The entry as it is after a creation or change (every use case that writes one, the import and the demo data).</summary>
    public static ServiceOfferChanged Changed(OfferedService service) => new()
    {
        MunicipalityCode = service.MunicipalityCode,
        ServiceCode = service.Code,
        Name = service.Name,
        Program = service.Program,
        InstitutionCode = service.InstitutionCode,
        Channel = service.Channel.Code(),
        Categories = service.Categories.ToList(),
        CapacityStatus = service.CapacityStatus.Code(),
        WaitlistBand = service.WaitlistBand?.Code(),
        MonthlyCapacity = service.MonthlyCapacity,
        Version = service.Version,
        OccurredAt = service.UpdatedAt,
    };
}
