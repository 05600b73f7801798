using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.Common;

/// <summary>
/// The fields of a catalog entry. Everything optional and the codes are strings, so that validation names every
/// missing or unknown field at once instead of the serializer failing on the first.
/// </summary>
public abstract record OfferedServiceInput
{
    [MaxText(NeedsLimits.Name)]
    public string? Name { get; init; }
    /// <summary>The program it belongs to, e.g. "Tekoporã" or "Pensión Alimentaria para Adultos Mayores".</summary>
    [MaxText(NeedsLimits.Name)]
    public string? Program { get; init; }
    /// <summary>A code of data/reference/institutions.csv, e.g. "mds".</summary>
    [MaxText(NeedsLimits.Code)]
    public string? InstitutionCode { get; init; }
    /// <summary>Need category codes covered (at least one), e.g. ["food_security"].</summary>
    [MaxItems(NeedsLimits.ServiceCategories), EachMaxText(NeedsLimits.Code)]
    public IReadOnlyList<string?>? Categories { get; init; }
    [MaxText(NeedsLimits.EligibilitySummary)]
    public string? EligibilitySummary { get; init; }
    /// <summary>office, health_unit, service_day or home_visit.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? Channel { get; init; }
    public int? MonthlyCapacity { get; init; }
    /// <summary>available, waitlist or full.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? CapacityStatus { get; init; }
    /// <summary>under_1_month, one_to_3_months or over_3_months: required with waitlist, refused otherwise.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? WaitlistBand { get; init; }
}

public sealed record OfferedServiceView(
    string MunicipalityCode,
    string Code,
    string Name,
    string Program,
    string InstitutionCode,
    IReadOnlyList<string> Categories,
    string EligibilitySummary,
    string Channel,
    int? MonthlyCapacity,
    string CapacityStatus,
    string? WaitlistBand,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static OfferedServiceView From(OfferedService s) => new(
        s.MunicipalityCode, s.Code, s.Name, s.Program, s.InstitutionCode, s.Categories, s.EligibilitySummary, s.Channel.Code(),
        s.MonthlyCapacity, s.CapacityStatus.Code(), s.WaitlistBand?.Code(), s.Version, s.UpdatedAt, s.UpdatedBy);
}

/// <summary>The codes in a catalog route, as every offer use case reads them.</summary>
public static class OfferRoute
{
    public static string MunicipalityCode(string? value)
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        return code.Length > 0 ? code : throw ValidationFailedException.For("municipalityCode", "Indique el código del municipio.");
    }

    public static string ServiceCode(string? value)
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        return code.Length > 0 ? code : throw ValidationFailedException.For("serviceCode", "Indique el código del servicio.");
    }

    public static NotFoundException ServiceNotFound(string code, string municipality) =>
        new($"El servicio '{code}' no está en la oferta de '{municipality}'.");
}
