using System.Net;
using Boards.Testing;
using Microsoft.IdentityModel.Tokens;
using Change = Boards.Membership.Domain.IntegratorClients.IntegratorClientChange;

namespace Boards.Membership.Tests.Integration.IntegratorClients;

/// <summary>
/// Integrator clients end to end within Membership, against the REAL PostgreSQL and our identity provider's real admin
/// API and token endpoint: a registered client gets a token with the right claims, rotation stops the old secret and the
/// old token's access check, revocation stops both the access check and the token endpoint, only ministry-admin
/// manages them, bad input names every field, and an unknown client is 404.
/// </summary>
public sealed class IntegratorClientTests(IntegratorClientHost host) : IClassFixture<IntegratorClientHost>
{
    private const string Path = "/api/integrator-clients";

    private async Task<HttpClient> AdminAsync() => host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

    private static object Registration(string institution = "mspbs", string[]? scopes = null, int rate = 25) => new
    {
        name = "Ficha Social – SIIS",
        institution,
        scopes = scopes ?? ["referrals", "plans"],
        rateLimitPerSecond = rate,
    };

    private async Task<JsonElement> RegisterAsync(object? body = null)
    {
        using var admin = await AdminAsync();
        return await (await admin.PostJsonAsync(Path, body ?? Registration())).JsonAsync(HttpStatusCode.Created);
    }

    private static JsonElement Payload(string jwt) => JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement.Clone();

    private async Task<HttpStatusCode> AccessAsync(string token, string? expectedDetail = null)
    {
        using var integrator = host.Client(token);
        using var response = await integrator.GetAsync($"{Path}/access");
        if (expectedDetail is not null)
        {
            var problem = await response.JsonAsync(HttpStatusCode.Forbidden);
            Assert.Equal(expectedDetail, problem.Str("detail"));
        }

        return response.StatusCode;
    }

    /// <summary>Token times are whole seconds: a token for the new secret must come after the rotation's second.</summary>
    private static async Task NextSecondAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1100 - now.Millisecond));
    }

    [Fact]
    public async Task A_registered_client_gets_a_token_with_role_integrator_its_institution_areas_and_rate_limit()
    {
        var registered = await RegisterAsync();
        var clientId = registered.Str("clientId");

        var (token, error) = await host.ClientCredentialsAsync(clientId, registered.Str("secret"));

        Assert.Null(error);
        Assert.Matches("^int-mspbs-[a-z2-7]{8}$", clientId);
        Assert.Equal("active", registered.Str("status"));
        Assert.Equal(["referrals", "plans"], registered.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(25, registered.Int("rateLimitPerSecond"));
        Assert.Equal("t-ministry-admin-todas", registered.Str("createdBy"));
        var payload = Payload(token!);
        Assert.Equal(["integrator"], payload.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("mspbs", payload.Str("institution"));
        Assert.Equal(25, payload.Int("rate_limit"));
        Assert.Equal(clientId, payload.Str("azp"));
        Assert.Equal(["boards-api", "boards-plans", "boards-referrals"], payload.Str("scope").Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, await AccessAsync(token!));
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_the_client_is_listed_and_read_without_it()
    {
        var registered = await RegisterAsync(Registration("mds", ["service-days"], 3));
        var clientId = registered.Str("clientId");
        using var admin = await AdminAsync();

        var one = await (await admin.GetAsync($"{Path}/{clientId}")).JsonAsync(HttpStatusCode.OK);
        var all = await (await admin.GetAsync(Path)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(32, registered.Str("secret").Length);
        Assert.False(one.TryGetProperty("secret", out _));
        Assert.Equal("mds", one.Str("institution"));
        Assert.Equal(JsonValueKind.Null, one.GetProperty("secretRotatedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("revokedAt").ValueKind);
        var listed = Assert.Single(all.EnumerateArray(), client => client.Str("clientId") == clientId);
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.Equal([IntegratorClientChangeActions.Registered], await host.ChangesOfAsync(clientId));
    }

    [Fact]
    public async Task Rotation_stops_the_old_secret_and_the_tokens_issued_before_it()
    {
        var registered = await RegisterAsync();
        var clientId = registered.Str("clientId");
        var (oldToken, _) = await host.ClientCredentialsAsync(clientId, registered.Str("secret"));
        Assert.Equal(HttpStatusCode.NoContent, await AccessAsync(oldToken!));
        using var admin = await AdminAsync();

        var rotated = await (await admin.PostAsync($"{Path}/{clientId}/secret", null)).JsonAsync(HttpStatusCode.OK);
        var oldSecret = await host.ClientCredentialsAsync(clientId, registered.Str("secret"));
        await NextSecondAsync();
        var (newToken, newError) = await host.ClientCredentialsAsync(clientId, rotated.Str("secret"));

        Assert.NotEqual(registered.Str("secret"), rotated.Str("secret"));
        Assert.Equal(JsonValueKind.String, rotated.GetProperty("secretRotatedAt").ValueKind);
        Assert.Equal("invalid_client", oldSecret.Error);
        Assert.Equal(HttpStatusCode.Forbidden, await AccessAsync(oldToken!,
            "El secreto de este cliente integrador cambió después de emitirse este token: pida un token nuevo con el secreto nuevo."));
        Assert.Null(newError);
        Assert.Equal(HttpStatusCode.NoContent, await AccessAsync(newToken!));
        Assert.Equal([IntegratorClientChangeActions.Registered, IntegratorClientChangeActions.SecretRotated], await host.ChangesOfAsync(clientId));
    }

    [Fact]
    public async Task Revocation_refuses_the_access_check_and_the_token_endpoint_and_keeps_the_client_for_the_audit()
    {
        var registered = await RegisterAsync();
        var clientId = registered.Str("clientId");
        var (token, _) = await host.ClientCredentialsAsync(clientId, registered.Str("secret"));
        using var admin = await AdminAsync();

        var revoked = await (await admin.PostJsonAsync($"{Path}/{clientId}/revoke", new { reason = "El sistema dejó de usarse en el MSPBS." }))
            .JsonAsync(HttpStatusCode.OK);
        var again = await (await admin.PostJsonAsync($"{Path}/{clientId}/revoke", new { reason = "Por segunda vez, sin efecto." }))
            .JsonAsync(HttpStatusCode.Conflict);
        var rotate = await (await admin.PostAsync($"{Path}/{clientId}/secret", null)).JsonAsync(HttpStatusCode.Conflict);
        var read = await (await admin.GetAsync($"{Path}/{clientId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("revoked", revoked.Str("status"));
        Assert.Equal("t-ministry-admin-todas", revoked.Str("revokedBy"));
        Assert.Equal("El sistema dejó de usarse en el MSPBS.", read.Str("revokedReason"));
        Assert.Equal(HttpStatusCode.Forbidden, await AccessAsync(token!, "Este cliente integrador fue revocado."));
        Assert.Equal("invalid_client", (await host.ClientCredentialsAsync(clientId, registered.Str("secret"))).Error);
        Assert.Equal("integrator_client_revoked", again.Str("rule"));
        Assert.Equal("integrator_client_revoked", rotate.Str("rule"));
        Assert.Equal(
            [IntegratorClientChangeActions.Registered, IntegratorClientChangeActions.Revoked, IntegratorClientChangeActions.RemovedFromProvider],
            await host.ChangesOfAsync(clientId));
    }

    [Fact]
    public async Task Clients_not_registered_here_pass_the_access_check_and_people_may_not_ask_it()
    {
        var demo = await host.TokenAsync(null, BoardsRoles.Integrator); // integrator-demo, Development only
        var focalPoint = await host.TokenAsync("alto-vera", BoardsRoles.FocalPoint);

        Assert.Equal(HttpStatusCode.NoContent, await AccessAsync(demo));
        Assert.Equal(HttpStatusCode.Forbidden, await AccessAsync(focalPoint));
    }

    public static TheoryData<string, string> Outsiders => new()
    {
        { "alto-vera", BoardsRoles.FocalPoint },
        { "", BoardsRoles.MinistryAnalyst },
        { "", BoardsRoles.Integrator },
        { "", BoardsRoles.InstitutionOfficer },
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Only_ministry_admin_registers_lists_reads_rotates_or_revokes(string municipality, string role)
    {
        var existing = (await RegisterAsync()).Str("clientId");
        using var outsider = host.Client(await host.TokenAsync(municipality.Length == 0 ? null : municipality, role));
        var before = await host.CountWrittenAsync();

        HttpResponseMessage[] responses =
        [
            await outsider.PostJsonAsync(Path, Registration()),
            await outsider.GetAsync(Path),
            await outsider.GetAsync($"{Path}/{existing}"),
            await outsider.PostAsync($"{Path}/{existing}/secret", null),
            await outsider.PostJsonAsync($"{Path}/{existing}/revoke", new { reason = "Un motivo suficientemente largo." }),
        ];

        foreach (var response in responses)
        {
            var problem = await response.JsonAsync(HttpStatusCode.Forbidden);
            Assert.Equal("Solo la administración del ministerio (ministry-admin) gestiona los clientes integradores.", problem.Str("detail"));
        }

        Assert.Equal(before, await host.CountWrittenAsync());
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Path)).StatusCode);
    }

    public static TheoryData<string, string[]> BadRegistrations => new()
    {
        { """{}""", ["institution", "name", "rateLimitPerSecond", "scopes"] },
        { """{"name":"ab","institution":"nadie","scopes":["referrals","todo"],"rateLimitPerSecond":0}""", ["institution", "name", "rateLimitPerSecond", "scopes[1]"] },
        { """{"name":"Sistema","institution":"mspbs","scopes":[],"rateLimitPerSecond":1001}""", ["rateLimitPerSecond", "scopes"] },
        { $$"""{"name":"{{new string('n', 101)}}","institution":"mspbs","scopes":["referrals"],"rateLimitPerSecond":5}""", ["name"] },
        { $$"""{"name":"Sistema","institution":"{{new string('i', 65)}}","scopes":["referrals"],"rateLimitPerSecond":5}""", ["institution"] },
        { """{"name":"Sistema","institution":"mspbs","scopes":["a","b","c","d","e","f","g"],"rateLimitPerSecond":5}""", ["scopes"] },
        { $$"""{"name":"Sistema","institution":"mspbs","scopes":["{{new string('s', 21)}}"],"rateLimitPerSecond":5}""", ["scopes"] },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task A_bad_registration_is_400_naming_every_bad_field_and_nothing_is_written(string json, string[] fields)
    {
        using var admin = await AdminAsync();
        var before = await host.CountWrittenAsync();

        using var response = await admin.PostAsync(Path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(fields, problem.ErrorFields());
        Assert.Equal(before, await host.CountWrittenAsync());
    }

    [Theory]
    [InlineData("""{"name":"Sistema","institution":"mspbs","scopes":["referrals"],"rateLimitPerSecond":"mucho"}""")]
    [InlineData("""{"name":"Sistema","institution":"mspbs","scopes":"referrals","rateLimitPerSecond":5}""")]
    [InlineData("{nope")]
    public async Task A_body_of_the_wrong_shape_is_400_never_500(string json)
    {
        using var admin = await AdminAsync();
        var before = await host.CountWrittenAsync();

        using var response = await admin.PostAsync(Path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await host.CountWrittenAsync());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"reason":"corto"}""")]
    [InlineData("""{"reason":"     breve      "}""")]
    public async Task A_revocation_without_a_reason_of_10_to_500_characters_is_400_and_revokes_nothing(string json)
    {
        var clientId = (await RegisterAsync()).Str("clientId");
        using var admin = await AdminAsync();

        using var response = await admin.PostAsync($"{Path}/{clientId}/revoke", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var read = await (await admin.GetAsync($"{Path}/{clientId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["reason"], problem.ErrorFields());
        Assert.Equal("active", read.Str("status"));
    }

    [Fact]
    public async Task A_reason_over_500_characters_is_400()
    {
        var clientId = (await RegisterAsync()).Str("clientId");
        using var admin = await AdminAsync();

        var problem = await (await admin.PostJsonAsync($"{Path}/{clientId}/revoke", new { reason = new string('r', 501) })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["reason"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("int-mspbs-aaaaaaaa")]
    [InlineData("integrator-demo")]
    [InlineData("int-muy-largo-int-muy-largo-int-muy-largo-int-muy-largo-int-muy-largo-int-muy-largo-x")]
    public async Task An_unknown_client_is_404_for_reading_rotating_and_revoking(string clientId)
    {
        using var admin = await AdminAsync();

        HttpResponseMessage[] responses =
        [
            await admin.GetAsync($"{Path}/{clientId}"),
            await admin.PostAsync($"{Path}/{clientId}/secret", null),
            await admin.PostJsonAsync($"{Path}/{clientId}/revoke", new { reason = "Un motivo suficientemente largo." }),
        ];

        foreach (var response in responses)
        {
            var problem = await response.JsonAsync(HttpStatusCode.NotFound);
            Assert.Equal("Cliente integrador no encontrado.", problem.Str("title"));
        }
    }
}

/// <summary>The audit trail's actions, as integrator_client_changes stores them.</summary>
internal static class IntegratorClientChangeActions
{
    public const string Registered = Change.Registered;
    public const string SecretRotated = Change.SecretRotated;
    public const string Revoked = Change.Revoked;
    public const string RemovedFromProvider = Change.RemovedFromProvider;
}
