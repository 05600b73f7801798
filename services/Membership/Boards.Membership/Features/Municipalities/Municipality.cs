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

    /// <summary>Rural localities (compañías, colonias) of the district; null = unknown, treated as 0 (territorial coverage not applicable).</summary>
    public int? RuralLocalities { get; set; }

    /// <summary>Whether indigenous communities live in the district; null = unknown, treated as no (no indigenous requirement).</summary>
    public bool? HasIndigenousCommunities { get; set; }

    public DateTimeOffset? ContextUpdatedAt { get; set; }

    public string? ContextUpdatedBy { get; set; }
}
