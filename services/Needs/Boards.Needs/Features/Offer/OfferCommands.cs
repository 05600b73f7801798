using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;
using Boards.Needs.Domain.Assessment;
using Boards.Needs.Domain.Offer;

namespace Boards.Needs.Features.Offer;

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

public sealed record CreateServiceCommand : OfferedServiceInput
{
    /// <summary>Lower-case slug, unique within the municipality (e.g. "tekopora").</summary>
    [MaxText(NeedsLimits.Code)]
    public string? Code { get; init; }
}

public sealed record UpdateServiceCommand : OfferedServiceInput
{
    /// <summary>The version the caller read; a different current version is a conflict (409).</summary>
    public int? ExpectedVersion { get; init; }
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

/// <summary>The answer to "can I refer someone to this service there?". Service is null when it is not offered.</summary>
public sealed record Availability(bool Offered, OfferedService? Service, string Message);
