using System.Text.Json;

namespace Boards.Membership.Domain;

/// <summary>Input that breaks a domain rule; Field is the path of the offending field (camelCase, dotted).</summary>
public sealed class DomainValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The request is well formed but the board's current state does not allow it (REST 409, gRPC FailedPrecondition).</summary>
public sealed class BoardRuleException(string rule, string message) : Exception(message)
{
    /// <summary>A stable snake_case code for the broken rule (membership_ended, focal_point_required, ...).</summary>
    public string Rule { get; } = rule;
}

/// <summary>The snake_case codes for enum values (local_government, focal_point, ...), as REST and events spell them.</summary>
public static class Codes
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
