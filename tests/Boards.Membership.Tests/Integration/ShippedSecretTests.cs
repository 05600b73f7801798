using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// Reported: boards-membership / membership-dev-secret worked in Production. That client may change anyone's roles in
/// the identity provider: outside Development Membership refuses to start with the shipped secret, naming the setting.
/// (The other services use Boards.Testing's ProductionStart; this project does not reference Boards.Testing.)
/// </summary>
public sealed class ShippedSecretTests
{
    [Fact]
    public void Membership_refuses_to_start_in_Production_with_the_shipped_identity_link_secret()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:membershipdb", "Host=127.0.0.1;Port=9;Database=nunca");
            web.UseSetting("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:9");
            web.UseSetting("Identity:Authority", "https://127.0.0.1:9/realms/boards");
            web.UseSetting("Membership:IdentityLink:ClientSecret", "membership-dev-secret");
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Membership:IdentityLink:ClientSecret", refused.ToString(), StringComparison.Ordinal);
    }
}
