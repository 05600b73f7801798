namespace Boards.Identity.Tests;

/// <summary>
/// Registers an integrator client through the admin API exactly as Membership does against Keycloak: the
/// ClientRepresentation, its service account's realm role, its secret.
/// </summary>
public static class RegisteredClients
{
    public static readonly string[] AllAreas =
        ["boards-referrals", "boards-monitoring", "boards-offer", "boards-service-days", "boards-plans", "boards-boards"];

    public sealed record Registered(string Id, string ClientId, string Secret, string ServiceAccountId);

    public static object Representation(string clientId, string institution, int rateLimit, params string[] areas) => new
    {
        clientId,
        name = "Sistema de prueba",
        description = "Registrado por una prueba",
        enabled = true,
        protocol = "openid-connect",
        publicClient = false,
        clientAuthenticatorType = "client-secret",
        serviceAccountsEnabled = true,
        standardFlowEnabled = false,
        implicitFlowEnabled = false,
        directAccessGrantsEnabled = false,
        defaultClientScopes = new[] { "basic", "roles", "boards-api" }.Concat(areas).ToArray(),
        protocolMappers = new object[]
        {
            Mapper("institution", institution, "String"),
            Mapper("rate_limit", rateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), "int"),
        },
    };

    public static object Mapper(string claim, string value, string jsonType) => new
    {
        name = claim,
        protocol = "openid-connect",
        protocolMapper = "oidc-hardcoded-claim-mapper",
        consentRequired = false,
        config = new Dictionary<string, string>
        {
            ["claim.name"] = claim, ["claim.value"] = value, ["jsonType.label"] = jsonType,
            ["access.token.claim"] = "true", ["id.token.claim"] = "false", ["userinfo.token.claim"] = "false",
        },
    };

    public static string NewClientId() => "int-prueba-" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<Registered> RegisterAsync(
        AdminApiClient admin, string? clientId = null, string institution = "mec", int rateLimit = 7, params string[] areas)
    {
        clientId ??= NewClientId();
        using var created = await admin.SendAsync(HttpMethod.Post, "clients", Representation(clientId, institution, rateLimit, areas));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST clients: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var location = created.Headers.Location!.ToString();
        Assert.Contains($"{AdminApiClient.Base}/clients/", location);
        var id = location[(location.LastIndexOf('/') + 1)..];

        var serviceAccount = await admin.GetJsonAsync($"clients/{id}/service-account-user");
        var serviceAccountId = serviceAccount.GetProperty("id").GetString()!;
        await admin.GrantRealmRoleAsync(serviceAccountId, "integrator");
        var secret = (await admin.GetJsonAsync($"clients/{id}/client-secret")).GetProperty("value").GetString()!;
        return new Registered(id, clientId, secret, serviceAccountId);
    }
}
