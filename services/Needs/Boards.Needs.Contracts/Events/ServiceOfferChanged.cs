namespace Boards.Needs.Contracts.Events;

/// <summary>
/// A service of a municipality's offer catalog was added or changed (including its capacity status). Carries the state
/// after the change; a consumer keeps the highest Version per (MunicipalityCode, ServiceCode).
/// </summary>
public sealed record ServiceOfferChanged
{
    public required string MunicipalityCode { get; init; }
    /// <summary>Lower-case slug, unique within the municipality (e.g. "tekopora").</summary>
    public required string ServiceCode { get; init; }
    public string Name { get; init; } = "";
    public string Program { get; init; } = "";
    /// <summary>An institution code of data/reference/institutions.csv, e.g. "mds".</summary>
    public string InstitutionCode { get; init; } = "";
    /// <summary>office, health_unit, service_day or home_visit.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Need category codes the service covers (e.g. "food_security").</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>available, waitlist or full.</summary>
    public required string CapacityStatus { get; init; }
    /// <summary>under_1_month, one_to_3_months or over_3_months when CapacityStatus is waitlist; otherwise null.</summary>
    public string? WaitlistBand { get; init; }
    public int? MonthlyCapacity { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
