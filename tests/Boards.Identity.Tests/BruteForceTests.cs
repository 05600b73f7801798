namespace Boards.Identity.Tests;

/// <summary>
/// Reported: passwords and client secrets could be guessed at full speed at the token endpoint. After repeated failures
/// an account (by user name) or a client is locked for a while, as Keycloak's brute-force detection does: even the
/// right password or secret is refused until the lock ends, and others are not affected.
/// </summary>
public sealed class BruteForceTests(BruteForceIdentity identity) : IClassFixture<BruteForceIdentity>
{
    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_the_right_one_works_again_after_the_wait()
    {
        using var client = identity.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("invalid_grant", (await Protocol.PasswordAsync(client, "focal.pilar", "adivinanza-" + i)).Error);
        }

        var locked = await Protocol.PasswordAsync(client, "focal.pilar");
        var other = await Protocol.PasswordAsync(client, "focal.yhu");

        Assert.Equal("invalid_grant", locked.Error);
        Assert.Contains("bloqueado", locked.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        await Eventually(async () => (await Protocol.PasswordAsync(client, "focal.pilar")).Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_user_name_is_locked_the_same_way_so_the_lock_tells_nothing_about_who_exists()
    {
        using var client = identity.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await Protocol.PasswordAsync(client, "nadie.existe", "x");
        }

        Assert.Contains("bloqueado", (await Protocol.PasswordAsync(client, "nadie.existe", "x")).ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_wrong_client_secrets_lock_the_client_and_the_right_secret_works_again_after_the_wait()
    {
        using var client = identity.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("invalid_client", (await Protocol.ClientCredentialsAsync(client, "adivinanza-" + i)).Error);
        }

        var locked = await Protocol.ClientCredentialsAsync(client);

        Assert.Equal("invalid_client", locked.Error);
        Assert.Contains("bloqueado", locked.ErrorDescription, StringComparison.Ordinal);
        await Eventually(async () => (await Protocol.ClientCredentialsAsync(client)).Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_id_too_long_to_store_is_refused_as_unknown_not_with_an_error()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client, "x", new string('c', 5000));

        Assert.Equal("invalid_client", response.Error);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "El bloqueo no terminó a tiempo.");
            await Task.Delay(500);
        }
    }
}

/// <summary>One address trying credentials faster than the limit gets 429 with Retry-After and a Spanish reason.</summary>
public sealed class SignInRateLimitTests(RateLimitedIdentity identity) : IClassFixture<RateLimitedIdentity>
{
    [Fact]
    public async Task Token_requests_past_the_burst_are_refused_with_429_and_retry_after()
    {
        using var client = identity.CreateClient();
        var statuses = new List<HttpStatusCode>();
        TokenResponse? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var response = await Protocol.PasswordAsync(client, $"usuario.{i}", "x");
            statuses.Add(response.Status);
            refused = response.Status == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.Equal("too_many_requests", refused.Error);
        Assert.Contains("Demasiadas solicitudes", refused.ErrorDescription, StringComparison.Ordinal);
    }
}
