namespace Boards.Membership.Domain;

/// <summary>
/// A district that may have a board. Membership is the registry of record: rows come from Seed/municipalities.csv
/// (copied from data/reference) and from ministry administrators (POST /api/municipalities). Every new or changed row
/// is announced as MunicipalityRegistered.
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
