using System.Net;

namespace Boards.Portal.Tests;

/// <summary>
/// A return address after a language change or a sign-in stays on this site. Browsers drop tabs and line breaks inside a
/// URL, so "/\t/evil.example" is "//evil.example" to them: an address with control characters is judged after removing them.
/// </summary>
public sealed class ReturnUrlTests : IClassFixture<PortalHost>
{
    private readonly HttpClient client;

    public ReturnUrlTests(PortalHost host) => client = host.NewClient();

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0A/evil.example")]
    [InlineData("/%0D%0A/evil.example")]
    [InlineData("%09//evil.example")]
    [InlineData("/%5C%09evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%00/evil.example")]
    public async Task A_language_change_with_a_hostile_return_address_goes_home(string returnUrl)
    {
        var response = await client.GetAsync($"/idioma/en?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_language_change_returns_to_a_local_page_with_its_query()
    {
        var response = await client.GetAsync("/idioma/en?returnUrl=%2Freferencias%3Fvista%3Drecibidas");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/referencias?vista=recibidas", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("\t//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\u0085/evil.example", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    [InlineData("/pat", "/pat")]
    [InlineData("/mesa?x=1#y", "/mesa?x=1#y")]
    public void The_sign_in_return_address_is_local_after_removing_control_characters(string? url, string expected) =>
        Assert.Equal(expected, PortalExtensions.LocalUrl(url));
}
