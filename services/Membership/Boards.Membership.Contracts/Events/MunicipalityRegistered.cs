namespace Boards.Membership.Contracts.Events;

/// <summary>
/// A municipality entered the registry of record (seeded from the shipped list or added by a ministry administrator).
/// Published again with the same Code whenever its name, department or status changes; a consumer keeps the one with
/// the newest OccurredAt.
/// </summary>
public sealed record MunicipalityRegistered
{
    /// <summary>Stable lowercase ASCII code (e.g. "alto-vera").</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Department { get; init; }
    /// <summary>0 for Asunción (capital), 1 Concepción … 17 Alto Paraguay.</summary>
    public required int DepartmentNumber { get; init; }
    /// <summary>Programme stage of the district, e.g. "pilot-2021" or "expansion-2025".</summary>
    public required string Status { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
