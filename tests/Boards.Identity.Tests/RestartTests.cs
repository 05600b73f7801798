namespace Boards.Identity.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Tokens_and_refresh_tokens_stay_valid_after_a_restart()
    {
        var first = new DevelopmentIdentity();
        await first.InitializeAsync();
        IdentityHost? second = null;
        try
        {
            string accessToken, refreshToken, keyId;
            using (var client = first.CreateClient())
            {
                var tokens = await Protocol.PasswordAsync(client, "focal.alto-vera");
                accessToken = tokens.AccessToken;
                refreshToken = tokens.Field("refresh_token");
                keyId = await client.GetStringAsync(Protocol.CertsPath);
            }

            await first.StopAsync();
            second = first.Restarted();
            await second.InitializeAsync();

            using var restarted = second.CreateClient();
            Assert.Equal(keyId, await restarted.GetStringAsync(Protocol.CertsPath));
            var validation = await Protocol.ValidateAsync(restarted, accessToken);
            Assert.True(validation.IsValid, validation.Exception?.ToString());
            var refreshed = await Protocol.PostTokenAsync(restarted, new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = "boards-cli",
                ["refresh_token"] = refreshToken,
            });
            Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task Admin_changes_survive_a_restart_and_demo_seeding_does_not_undo_them()
    {
        var first = new DevelopmentIdentity();
        await first.InitializeAsync();
        IdentityHost? second = null;
        try
        {
            string focalId, createdId;
            using (var client = first.CreateClient())
            {
                var admin = await AdminApiClient.ForMembershipAsync(client);
                focalId = (await admin.FindUserIdAsync("focal.alto-vera"))!;
                await admin.RevokeRealmRoleAsync(focalId, "focal-point");
                await admin.SetAttributesAsync(focalId, new { });
                createdId = await admin.CreateUserAsync(new { username = "persistente", enabled = true });
                await admin.SetAttributesAsync(createdId, new { municipality = new[] { "alto-vera" } });
                await admin.GrantRealmRoleAsync(createdId, "focal-point");
            }

            await first.StopAsync();
            second = first.Restarted(); // runs migrations and demo seeding again on the same database
            await second.InitializeAsync();

            using var restarted = second.CreateClient();
            var revoked = Protocol.Payload((await Protocol.PasswordAsync(restarted, "focal.alto-vera")).AccessToken);
            Assert.Equal(focalId, revoked.GetProperty("sub").GetString());
            Assert.False(revoked.TryGetProperty("realm_access", out _));
            Assert.False(revoked.TryGetProperty("municipality", out _));

            var appointed = Protocol.Payload((await Protocol.PasswordAsync(restarted, "persistente")).AccessToken);
            Assert.Equal(createdId, appointed.GetProperty("sub").GetString());
            Assert.Equal("focal-point", appointed.GetProperty("realm_access").GetProperty("roles")[0].GetString());
            Assert.Equal("alto-vera", appointed.GetProperty("municipality").GetString());

            // Untouched demo people are still there as the catalog describes them.
            var other = Protocol.Payload((await Protocol.PasswordAsync(restarted, "focal.pilar")).AccessToken);
            Assert.Equal("pilar", other.GetProperty("municipality").GetString());
            var admin2 = await AdminApiClient.ForMembershipAsync(restarted);
            Assert.Equal(1, (await admin2.GetJsonAsync("users?username=focal.alto-vera&exact=true")).GetArrayLength());
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_registered_client_its_secret_and_its_role_survive_a_restart_and_client_seeding_leaves_it_alone()
    {
        var first = new DevelopmentIdentity();
        await first.InitializeAsync();
        IdentityHost? second = null;
        try
        {
            RegisteredClients.Registered registered;
            using (var client = first.CreateClient())
            {
                registered = await RegisteredClients.RegisterAsync(await AdminApiClient.ForMembershipAsync(client), areas: "boards-plans");
            }

            await first.StopAsync();
            second = first.Restarted();
            await second.InitializeAsync();

            using var restarted = second.CreateClient();
            var tokens = await Protocol.ClientCredentialsAsync(restarted, registered.Secret, registered.ClientId);
            var admin = await AdminApiClient.ForMembershipAsync(restarted);
            Assert.Equal(HttpStatusCode.OK, tokens.Status);
            Assert.Equal("integrator", Protocol.Payload(tokens.AccessToken).GetProperty("realm_access").GetProperty("roles")[0].GetString());
            Assert.Equal(registered.Secret, (await admin.GetJsonAsync($"clients/{registered.Id}/client-secret")).GetProperty("value").GetString());
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await first.DisposeAsync();
        }
    }
}
