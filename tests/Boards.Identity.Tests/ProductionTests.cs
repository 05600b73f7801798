namespace Boards.Identity.Tests;

/// <summary>
/// Outside Development there are no demo people, no demonstration client and no password grant; machine clients
/// registered through the admin API still work.
/// </summary>
public sealed class ProductionTests(ProductionIdentity identity) : IClassFixture<ProductionIdentity>
{
    [Fact]
    public async Task The_password_grant_is_refused_in_Production()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.PasswordAsync(client, "focal.alto-vera");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unsupported_grant_type", response.Error);
        Assert.Equal("Este servidor no admite el tipo de concesión solicitado.", response.ErrorDescription);
    }

    /// <summary>Failed before the fix: a secret configured for integrator-demo made the demonstration client exist in Production.</summary>
    [Fact]
    public async Task Integrator_demo_does_not_exist_in_Production_even_with_a_configured_secret()
    {
        using var client = identity.CreateClient();

        var configured = await Protocol.ClientCredentialsAsync(client, ProductionIdentity.ProductionIntegratorSecret);
        var shipped = await Protocol.ClientCredentialsAsync(client, "demo-secret");

        Assert.Equal("invalid_client", configured.Error);
        Assert.Equal("invalid_client", shipped.Error);
    }

    [Fact]
    public async Task A_client_registered_through_the_admin_API_gets_client_credentials_tokens_in_Production()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForServiceAccountAsync(client, AdminApiClient.MembershipClient, ProductionIdentity.ProductionMembershipSecret);
        var registered = await RegisteredClients.RegisterAsync(admin, institution: "mds", areas: "boards-referrals");

        var response = await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True((await Protocol.ValidateAsync(client, response.AccessToken)).IsValid);
        Assert.Equal("mds", Protocol.Payload(response.AccessToken).GetProperty("institution").GetString());
    }

    [Fact]
    public async Task Plain_http_is_refused_in_Production()
    {
        using var client = identity.Factory.CreateClient(); // http://localhost

        var response = await Protocol.ClientCredentialsAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
    }

    [Fact]
    public async Task The_shipped_membership_secret_does_not_work_in_Production()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client, AdminApiClient.MembershipSecret, AdminApiClient.MembershipClient);

        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task Without_a_configured_secret_there_is_no_notifications_client_in_Production()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client, AdminApiClient.NotificationsSecret, AdminApiClient.NotificationsClient);

        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task The_admin_API_refuses_tokens_without_realm_management_roles_in_Production()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForServiceAccountAsync(client, AdminApiClient.MembershipClient, ProductionIdentity.ProductionMembershipSecret);
        var registered = await RegisteredClients.RegisterAsync(admin);
        var integrator = new AdminApiClient(client, (await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId)).AccessToken);

        using var response = await integrator.SendAsync(HttpMethod.Get, "users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
