namespace Boards.ServiceDays.Domain;

/// <summary>
/// One service of a municipality's offer catalog, replicated from Needs' ServiceOfferChanged (the highest Version per
/// municipality and service code wins; Consumers/ServiceOfferChangedConsumer writes it with one upsert). A service day
/// offers only services found here. Read-only here.
/// </summary>
public sealed class CatalogService
{
    private CatalogService()
    {
    }

    public string MunicipalityCode { get; private init; } = "";
    public string ServiceCode { get; private init; } = "";
    public string Name { get; private set; } = "";
    public string Program { get; private set; } = "";
    public string InstitutionCode { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public List<string> Categories { get; private set; } = [];
    public string CapacityStatus { get; private set; } = "";
    public int Version { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
}
