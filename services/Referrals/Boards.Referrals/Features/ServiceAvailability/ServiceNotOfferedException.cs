namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>The catalog says the destination municipality does not offer the service; Message is the catalog's Spanish reason.</summary>
public sealed class ServiceNotOfferedException(string serviceCode, string municipalityCode, string message) : Exception(message)
{
    public string ServiceCode { get; } = serviceCode;
    public string MunicipalityCode { get; } = municipalityCode;
}
