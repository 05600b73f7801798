namespace Boards.Membership.Features.Municipalities;

/// <summary>
/// A district that may have a board. Reference data: seeded from Seed/municipalities.csv (copied from
/// data/reference). Membership owns this registry; Referrals still serves GET /api/municipalities and still announces
/// MunicipalityRegistered until that moves here.
/// </summary>
public sealed class Municipality
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Department { get; set; }
    public int DepartmentNumber { get; set; }
    public required string Status { get; set; }
}
