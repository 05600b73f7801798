namespace Boards.Referrals.Contracts.Events;

/// <summary>
/// A municipality entered the reference registry (seeded or added by a ministry administrator).
/// Published again with the same Code when its name or department changes. The registry moves to Membership later.
/// </summary>
public sealed record MunicipalityRegistered
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Department { get; init; }
    public required int DepartmentNumber { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
