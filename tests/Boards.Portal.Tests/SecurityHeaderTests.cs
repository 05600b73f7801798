namespace Boards.Portal.Tests;

/// <summary>Every answer of the portal refuses to be framed by another site and carries the usual protective headers.</summary>
public sealed class SecurityHeaderTests : IClassFixture<PortalHost>
{
    private readonly PortalHost host;
    private readonly HttpClient client;

    public SecurityHeaderTests(PortalHost host)
    {
        this.host = host;
        client = host.NewClient();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-existe")]
    [InlineData("/idioma/en?returnUrl=%2F")]
    [InlineData("/health")]
    public async Task Every_answer_forbids_framing_and_sniffing(string path)
    {
        var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.NotEmpty(response.Headers.GetValues("Permissions-Policy"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.5", false)]
    public async Task Https_at_a_trusted_ingress_makes_browsers_keep_to_https(string from, bool trusted)
    {
        var address = System.Net.IPAddress.Parse(from);
        using var proxied = new HttpClient(host.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address))
        {
            BaseAddress = host.Server.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/idioma/en?returnUrl=%2F");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await proxied.SendAsync(request);

        Assert.Equal(trusted, response.Headers.Contains("Strict-Transport-Security"));
        // The https scheme came from the ingress, so the cookie set here must be Secure; from anyone else, it is not.
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Equal(trusted, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
