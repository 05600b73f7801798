using System.Net;
using Microsoft.AspNetCore.TestHost;

namespace Boards.Portal.Tests;

/// <summary>
/// Behind a trusted ingress that says the person used https, the antiforgery cookie every signed-in page sets is Secure
/// (ASP.NET Core's default leaves it out even then); from anyone else the scheme is not believed. The end-to-end
/// ingress test (IngressTests) checks every cookie through nginx.
/// </summary>
public sealed class SecureCookieTests : IClassFixture<SignedInPortalHost>
{
    private readonly SignedInPortalHost host;

    public SecureCookieTests(SignedInPortalHost host)
    {
        this.host = host;
        host.Gateway.Reset();
        host.Gateway.Answer = request => request.StartsWith("GET /api/referrals", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"referrals":[],"nextPageToken":null,"totalCount":0}""")
            : (HttpStatusCode.OK, "[]");
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.5", false)]
    public async Task The_antiforgery_cookie_is_Secure_when_a_trusted_ingress_says_https(string from, bool trusted)
    {
        var address = IPAddress.Parse(from);
        using var proxied = new HttpClient(host.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address))
        {
            BaseAddress = host.Server.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/referencias");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await proxied.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(trusted, antiforgery.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
