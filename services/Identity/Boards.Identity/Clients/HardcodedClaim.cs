using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boards.Identity.Clients;

/// <summary>
/// Keycloak's <c>oidc-hardcoded-claim-mapper</c> on a client: the same claim in every access token of that client
/// (an integrator's <c>institution</c> and <c>rate_limit</c>). Stored as the ProtocolMapperRepresentation it was given.
/// </summary>
public sealed record HardcodedClaim(string Id, string MapperName, string ClaimName, string Value, string JsonType, bool AccessToken)
{
    public const string MapperType = "oidc-hardcoded-claim-mapper";
    public const string Protocol = "openid-connect";

    /// <summary>Keycloak's <c>jsonType.label</c> values this provider writes: text, whole numbers and booleans.</summary>
    public static readonly IReadOnlyList<string> JsonTypes = ["String", "int", "long", "boolean"];

    /// <summary>The claim as the token writes it: a number or a boolean keeps its JSON type.</summary>
    public Claim ToClaim() => JsonType switch
    {
        "int" or "long" => new Claim(ClaimName, Value, ClaimValueTypes.Integer64),
        "boolean" => new Claim(ClaimName, Value, ClaimValueTypes.Boolean),
        _ => new Claim(ClaimName, Value),
    };

    /// <summary>Whether <paramref name="value"/> can be written as <paramref name="jsonType"/>.</summary>
    public static bool Fits(string jsonType, string value) => jsonType switch
    {
        "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "long" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false",
        _ => true,
    };

    public JsonObject ToRepresentation() => new()
    {
        ["id"] = Id,
        ["name"] = MapperName,
        ["protocol"] = Protocol,
        ["protocolMapper"] = MapperType,
        ["consentRequired"] = false,
        ["config"] = new JsonObject
        {
            ["claim.name"] = ClaimName,
            ["claim.value"] = Value,
            ["jsonType.label"] = JsonType,
            ["access.token.claim"] = AccessToken ? "true" : "false",
            ["id.token.claim"] = "false",
            ["userinfo.token.claim"] = "false",
            ["introspection.token.claim"] = AccessToken ? "true" : "false",
        },
    };

    /// <summary>Reads back what <see cref="ToRepresentation"/> stored.</summary>
    public static HardcodedClaim FromRepresentation(JsonElement mapper)
    {
        var config = mapper.GetProperty("config");
        return new HardcodedClaim(
            mapper.GetProperty("id").GetString()!,
            mapper.GetProperty("name").GetString()!,
            config.GetProperty("claim.name").GetString()!,
            config.GetProperty("claim.value").GetString()!,
            config.GetProperty("jsonType.label").GetString()!,
            config.GetProperty("access.token.claim").GetString() == "true");
    }
}
