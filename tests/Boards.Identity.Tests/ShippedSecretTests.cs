using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Identity.Tests;

/// <summary>
/// Reported: integrator-demo / demo-secret and boards-membership / membership-dev-secret worked in Production. Outside
/// Development the provider refuses to start while a client is configured with a secret that ships with Boards, and
/// without configuration those clients do not exist. boards-notifications (notifications-dev-secret) follows the same rule.
/// </summary>
public sealed class ShippedSecretTests
{
    [Theory]
    [InlineData("Identity:Clients:IntegratorDemo:Secret", "demo-secret")]
    [InlineData("Identity:Clients:Membership:Secret", "membership-dev-secret")]
    [InlineData("Identity:Clients:Notifications:Secret", "notifications-dev-secret")]
    public void The_provider_refuses_to_start_in_Production_with_a_shipped_client_secret(string setting, string shipped)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:identitydb", "Host=127.0.0.1;Port=9;Database=nunca");
            web.UseSetting(setting, shipped);
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(setting, Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_secret_there_is_no_integrator_demo_client_in_Production()
    {
        var identity = new IdentityHost("Production");
        await identity.InitializeAsync();
        try
        {
            using var client = identity.CreateClient();

            var response = await Protocol.ClientCredentialsAsync(client, "demo-secret");

            Assert.Equal("invalid_client", response.Error);
        }
        finally
        {
            await identity.DisposeAsync();
        }
    }

    [Fact]
    public async Task In_Production_the_notifications_client_works_with_its_own_secret_only()
    {
        const string ownSecret = "secreto-propio-de-avisos-3b8d51";
        var identity = new IdentityHost("Production", new Dictionary<string, string>
        {
            ["Identity:Clients:Notifications:Secret"] = ownSecret,
        });
        await identity.InitializeAsync();
        try
        {
            using var client = identity.CreateClient();

            var shipped = await Protocol.ClientCredentialsAsync(client, AdminApiClient.NotificationsSecret, AdminApiClient.NotificationsClient);
            var notifications = await AdminApiClient.ForServiceAccountAsync(client, AdminApiClient.NotificationsClient, ownSecret);

            Assert.Equal("invalid_client", shipped.Error);
            Assert.Equal(0, (await notifications.GetJsonAsync("roles/focal-point/users")).GetArrayLength()); // no demo people
        }
        finally
        {
            await identity.DisposeAsync();
        }
    }

    internal static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
