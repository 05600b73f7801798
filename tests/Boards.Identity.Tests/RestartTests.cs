using System.Net;

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
}
