using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Identity.Tests;

/// <summary>
/// Outside Development the keys come from a mounted secret, the same for every replica: a replica never makes a key of
/// its own, and a token one replica signed is good at the other.
/// </summary>
public sealed class SigningKeyTests
{
    private static readonly Dictionary<string, string> MountedKeys = new()
    {
        ["Identity:Clients:Membership:Secret"] = ProductionIdentity.ProductionMembershipSecret,
        ["Identity:Keys:CreateIfMissing"] = "false",
    };

    [Fact]
    public void Without_the_mounted_keys_Production_refuses_to_start_and_says_where_they_were_looked_for()
    {
        var empty = Path.Combine(Path.GetTempPath(), "boards-identity-tests", Guid.NewGuid().ToString("N"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:identitydb", "Host=127.0.0.1;Port=9;Database=nunca");
            web.UseSetting("Identity:KeysPath", empty);
            web.UseSetting("Identity:Clients:Membership:Secret", ProductionIdentity.ProductionMembershipSecret);
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        var message = Flatten(refused);
        Assert.Contains("Identity:KeysPath", message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(empty, "signing-key.pem"), message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(empty));
    }

    [Fact]
    public async Task Two_replicas_reading_the_same_mounted_keys_publish_one_key_and_accept_each_others_tokens()
    {
        var first = new IdentityHost("Production", MountedKeys);
        MountKeys(first.KeysPath);
        await first.InitializeAsync();
        var second = first.Restarted();
        await second.InitializeAsync();
        try
        {
            using var firstClient = first.CreateClient();
            using var secondClient = second.CreateClient();
            Assert.Equal(await KeyIdsAsync(firstClient), await KeyIdsAsync(secondClient));

            var token = (await Protocol.ClientCredentialsAsync(
                firstClient, ProductionIdentity.ProductionMembershipSecret, AdminApiClient.MembershipClient)).AccessToken;
            using var response = await new AdminApiClient(secondClient, token).SendAsync(HttpMethod.Get, "users");

            // Valid at the other replica (signature, issuer): accepted, not refused as an unknown token.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    /// <summary>What an operator does once: two RSA keys in PKCS#8 PEM, kept in a secret mounted at Identity:KeysPath.</summary>
    private static void MountKeys(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "signing-key", "encryption-key" })
        {
            using var rsa = RSA.Create(2048);
            File.WriteAllText(Path.Combine(folder, name + ".pem"), rsa.ExportPkcs8PrivateKeyPem());
        }
    }

    private static async Task<string> KeyIdsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/realms/boards/protocol/openid-connect/certs"));
        return string.Join(",", document.RootElement.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()).Order());
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
