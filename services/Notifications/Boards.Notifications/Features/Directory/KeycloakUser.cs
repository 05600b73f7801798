namespace Boards.Notifications.Features.Directory;

/// <summary>A user as Keycloak's admin API returns it with briefRepresentation=false (the fields used here).</summary>
internal sealed record KeycloakUser(
    string Id,
    string Username,
    string? Email,
    bool Enabled,
    Dictionary<string, List<string>>? Attributes)
{
    public Person ToPerson(string role) => new(
        Id,
        Username,
        Email,
        Enabled,
        new HashSet<string>(StringComparer.Ordinal) { role },
        First("municipality"),
        First("institution"),
        (Attributes?.GetValueOrDefault("municipalities") ?? []).Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal));

    private string? First(string name) => Normalize(Attributes?.GetValueOrDefault(name)?.FirstOrDefault());

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}

internal sealed record TokenAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
