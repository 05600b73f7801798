using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Portal.Tests;

/// <summary>
/// The portal in-process, exactly as Program.cs builds it, in Production, with an identity authority and a gateway where
/// nothing listens (port 9 on loopback refuses at once). Redirects are not followed.
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    private readonly PortalDatabase _database = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:portaldb", _database.ConnectionString);
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
        builder.UseSetting("Identity:RequireHttpsMetadata", "false");
        builder.UseSetting("Portal:GatewayUrl", "http://127.0.0.1:9");
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}
