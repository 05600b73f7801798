namespace Boards.ServiceDays.Domain;

/// <summary>
/// One service of a municipality's offer catalog, replicated from Needs' ServiceOfferChanged (the highest Version per
/// municipality and service code wins). A service day offers only services found here.
/// </summary>
public sealed class CatalogService
{
    public required string MunicipalityCode { get; init; }
    public required string ServiceCode { get; init; }
    public required string Name { get; set; }
    public required string Program { get; set; }
    public required string InstitutionCode { get; set; }
    public required string Channel { get; set; }
    public List<string> Categories { get; set; } = [];
    public required string CapacityStatus { get; set; }
    public int Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
