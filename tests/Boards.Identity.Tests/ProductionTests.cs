namespace Boards.Identity.Tests;

/// <summary>Outside Development there are no demo people and no password grant; machine clients still work.</summary>
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

    [Fact]
    public async Task Client_credentials_with_a_configured_secret_work_in_Production_and_the_shipped_secret_does_not()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client, ProductionIdentity.ProductionIntegratorSecret);
        var shipped = await Protocol.ClientCredentialsAsync(client, "demo-secret");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True((await Protocol.ValidateAsync(client, response.AccessToken)).IsValid);
        Assert.Equal("invalid_client", shipped.Error);
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
    public async Task Without_a_configured_secret_there_is_no_membership_client_in_Production()
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
        var integrator = new AdminApiClient(client, (await Protocol.ClientCredentialsAsync(client, ProductionIdentity.ProductionIntegratorSecret)).AccessToken);

        using var response = await integrator.SendAsync(HttpMethod.Get, "users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
