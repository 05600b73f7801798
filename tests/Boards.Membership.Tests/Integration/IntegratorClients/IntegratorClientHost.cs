using System.Net;
using System.Net.Http.Json;
using Boards.Membership.Features.IdentityLink;
using Boards.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Boards.Membership.Tests.Integration.IntegratorClients;

/// <summary>
/// Membership on the REAL PostgreSQL and RabbitMQ with its identity link configured against our identity provider,
/// hosted in-process: integrator clients are registered, rotated and revoked through the provider's real admin API, and
/// their tokens come from its real token endpoint.
/// </summary>
public sealed class IntegratorClientHost()
    : ServiceTestHost<Program>("membership", "membershipdb", "Membership:IdentityLink:ReceiveEndpoint", "membership-identity-link"), IAsyncLifetime
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Membership:SeedDemoData", "false");
        web.UseSetting("Membership:IdentityLink:ClientSecret", "membership-dev-secret");
        web.ConfigureTestServices(services => services.AddHttpClient(FocalPointAccessRegistration.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Identity.Handler()));
    }

    /// <summary>The client credentials grant at the provider: the access token, or the OAuth error.</summary>
    public async Task<(string? AccessToken, string? Error)> ClientCredentialsAsync(string clientId, string secret)
    {
        using var identity = IdentityClient();
        using var response = await identity.PostAsync("/realms/boards/protocol/openid-connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "boards-api",
            }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.StatusCode == HttpStatusCode.OK
            ? (body.GetProperty("access_token").GetString(), null)
            : (null, body.GetProperty("error").GetString());
    }

    public Task<(int Clients, int Changes)> CountWrittenAsync() =>
        InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MembershipDbContext>();
            return (await db.IntegratorClients.CountAsync(), await db.IntegratorClientChanges.CountAsync());
        });

    public Task<string[]> ChangesOfAsync(string clientId) =>
        InScopeAsync(async services => await services.GetRequiredService<MembershipDbContext>().IntegratorClientChanges
            .Where(change => change.ClientId == clientId).OrderBy(change => change.At).ThenBy(change => change.Id)
            .Select(change => change.Action).ToArrayAsync());
}
