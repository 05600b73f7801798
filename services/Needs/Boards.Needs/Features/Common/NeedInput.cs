using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.Common;

/// <summary>A need to record, or the corrected fields of one already recorded. Codes are strings so that validation names every bad field at once.</summary>
public sealed record NeedInput
{
    /// <summary>A need category code (GET /api/needs/categories).</summary>
    [MaxText(NeedsLimits.Code)]
    public string? Category { get; init; }
    /// <summary>Where: a barrio, compañía or community of the municipality.</summary>
    [MaxText(NeedsLimits.Name)]
    public string? Locality { get; init; }
    /// <summary>children, adolescents, elderly, women_heads_of_household, indigenous or persons_with_disability.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? PopulationGroup { get; init; }
    public int? PeopleAffected { get; init; }
    /// <summary>1 (mild) to 5 (critical).</summary>
    public int? Severity { get; init; }
    /// <summary>survey, board_session, service_day or referral_statistics.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? EvidenceSource { get; init; }
    [MaxText(NeedsLimits.EvidenceNotes)]
    public string? EvidenceNotes { get; init; }
}
