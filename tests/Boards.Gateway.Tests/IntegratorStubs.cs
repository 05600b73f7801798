using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Boards.Gateway.Tests;

/// <summary>
/// What sits behind the gateway in the integrator tests, on real loopback ports: Membership's access check
/// (<c>GET /api/integrator-clients/access</c>, answering 403 for the client ids in <see cref="Revoked"/> as Membership
/// does, 204 otherwise; Membership's own rules are tested in Boards.Membership.Tests), and a service answering every
/// other path with 200. Both count their requests, so a test can tell whether the gateway asked or forwarded.
/// </summary>
public sealed class IntegratorStubs : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private int _accessChecks;
    private int _forwarded;

    public ConcurrentDictionary<string, bool> Revoked { get; } = new(StringComparer.Ordinal);

    public string MembershipAddress { get; private set; } = "";
    public string ServiceAddress { get; private set; } = "";
    public int AccessChecks => _accessChecks;
    public int Forwarded => _forwarded;

    public static async Task<IntegratorStubs> StartAsync()
    {
        var stubs = new IntegratorStubs();
        stubs.MembershipAddress = await stubs.StartAsync(app => app.MapGet("/api/integrator-clients/access", (HttpContext http) =>
        {
            Interlocked.Increment(ref stubs._accessChecks);
            var azp = ClientOf(http.Request.Headers.Authorization.ToString());
            return azp is not null && stubs.Revoked.ContainsKey(azp)
                ? Results.Problem(title: "Acceso del cliente integrador denegado.", detail: "Este cliente integrador fue revocado.", statusCode: 403)
                : Results.NoContent();
        }));
        stubs.ServiceAddress = await stubs.StartAsync(app => app.MapFallback(() =>
        {
            Interlocked.Increment(ref stubs._forwarded);
            return Results.Json(new { ok = true });
        }));
        return stubs;
    }

    private async Task<string> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        _apps.Add(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>The token's azp, read without checking it: the gateway has validated it already.</summary>
    private static string? ClientOf(string authorization)
    {
        var parts = authorization.Replace("Bearer ", "", StringComparison.Ordinal).Split('.');
        return parts.Length == 3 && JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement.TryGetProperty("azp", out var azp)
            ? azp.GetString()
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}
