using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boards.Membership.Domain.Representativity;

/// <summary>One published version of the representativity policy. Never updated: a change is a new version.</summary>
public sealed class RepresentativityPolicyVersion
{
    public int Version { get; init; }
    /// <summary>The whole <see cref="RepresentativityPolicy"/> as JSON (<see cref="RepresentativityJson"/>).</summary>
    public string PolicyJson { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";

    public RepresentativityPolicy ToPolicy() =>
        (JsonSerializer.Deserialize<RepresentativityPolicy>(PolicyJson, RepresentativityJson.Options)
         ?? throw new InvalidOperationException($"Policy version {Version} is empty.")) with { Version = Version };

    public static RepresentativityPolicyVersion From(RepresentativityPolicy policy, DateTimeOffset createdAt, string createdBy) => new()
    {
        Version = policy.Version,
        PolicyJson = JsonSerializer.Serialize(policy, RepresentativityJson.Options),
        CreatedAt = createdAt,
        CreatedBy = createdBy,
    };
}

/// <summary>
/// One stored roster assessment of a board: every recomputation adds a row (history); the latest by
/// <see cref="AssessedAt"/> is the board's current one. The full assessment (components, inputs, flags, gaps) is kept as
/// JSON, the municipality context it used in columns, so that it can be reproduced by hand.
/// </summary>
public sealed class StoredAssessment
{
    public Guid Id { get; init; }
    public Guid BoardId { get; init; }
    public string MunicipalityCode { get; init; } = "";
    public long BoardVersion { get; init; }
    public int PolicyVersion { get; init; }
    public AssessmentBasis Basis { get; init; }
    public decimal Score { get; init; }
    public int RuralLocalities { get; init; }
    public bool HasIndigenousCommunities { get; init; }
    public string AssessmentJson { get; init; } = "";
    public DateTimeOffset AssessedAt { get; init; }

    public RepresentativityAssessment ToAssessment() =>
        JsonSerializer.Deserialize<RepresentativityAssessment>(AssessmentJson, RepresentativityJson.Options)
        ?? throw new InvalidOperationException($"Assessment {Id} is empty.");
}

/// <summary>How policies and assessments are stored: camelCase, enums by name.</summary>
public static class RepresentativityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
