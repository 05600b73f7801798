namespace Boards.Portal.Tests;

/// <summary>Every answer of the portal refuses to be framed by another site and carries the usual protective headers.</summary>
public sealed class SecurityHeaderTests : IClassFixture<PortalHost>
{
    private readonly HttpClient client;

    public SecurityHeaderTests(PortalHost host) => client = host.NewClient();

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
}
