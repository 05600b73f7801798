using System.Text.Json;

namespace Boards.Referrals.Domain;

/// <summary>The snake_case codes of DOMAIN.md for enum values (no_capacity, got_help, ...), as REST and events spell them.</summary>
public static class Codes
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
