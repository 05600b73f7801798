using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Boards.Identity.Tests;

/// <summary>The portal's flow: browser to the login form, form to a code, code plus PKCE verifier to tokens.</summary>
public sealed partial class AuthorizationCodeTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task Code_with_PKCE_round_trip_gives_tokens_for_the_person_who_signed_in()
    {
        using var browser = identity.CreateClient();
        var pkce = Pkce.Create();

        var login = await browser.GetAsync(AuthorizeUri(pkce.Challenge, state: "estado-1", nonce: "n-1"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var page = await login.Content.ReadAsStringAsync();
        Assert.Contains("Iniciar sesión", page);
        Assert.Contains("Contraseña", page);

        var redirect = await browser.PostAsync(Protocol.AuthPath, LoginForm(page, "focal.alto-vera", "demo"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var callback = redirect.Headers.Location!;
        Assert.StartsWith(IdentityHost.PortalRedirectUri, callback.ToString());
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("estado-1", query["state"].ToString());
        var code = query["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code));

        var tokens = await Protocol.PostTokenAsync(browser, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "boards-portal",
            ["code"] = code,
            ["redirect_uri"] = IdentityHost.PortalRedirectUri,
            ["code_verifier"] = pkce.Verifier,
        });

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var access = Protocol.Payload(tokens.AccessToken);
        Assert.Equal("boards-api", access.GetProperty("aud").GetString());
        Assert.Equal("boards-portal", access.GetProperty("azp").GetString());
        Assert.Equal("alto-vera", access.GetProperty("municipality").GetString());
        Assert.Equal("focal-point", access.GetProperty("realm_access").GetProperty("roles")[0].GetString());
        Assert.True((await Protocol.ValidateAsync(browser, tokens.AccessToken)).IsValid);

        var id = Protocol.Payload(tokens.Field("id_token"));
        Assert.Equal("n-1", id.GetProperty("nonce").GetString());
        Assert.Equal("Punto focal de Alto Verá", id.GetProperty("name").GetString());
        Assert.Equal(access.GetProperty("sub").GetString(), id.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task A_code_is_refused_without_the_matching_PKCE_verifier()
    {
        using var browser = identity.CreateClient();
        var pkce = Pkce.Create();
        var code = await SignInAndGetCodeAsync(browser, pkce, "analyst");

        var tokens = await Protocol.PostTokenAsync(browser, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "boards-portal",
            ["code"] = code,
            ["redirect_uri"] = IdentityHost.PortalRedirectUri,
            ["code_verifier"] = Pkce.Create().Verifier,
        });

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task The_portal_cannot_skip_PKCE()
    {
        using var browser = identity.CreateClient();

        var response = await browser.GetAsync(
            $"{Protocol.AuthPath}?client_id=boards-portal&response_type=code&scope=openid" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityHost.PortalRedirectUri)}&state=s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_client_or_redirect_uri_gets_an_error_page_not_a_redirect_or_a_500()
    {
        using var browser = identity.CreateClient();
        var challenge = Pkce.Create().Challenge;

        var unknownClient = await browser.GetAsync(
            AuthorizeUri(challenge, state: "s", nonce: "n").Replace("client_id=boards-portal", "client_id=nobody"));
        var foreignRedirect = await browser.GetAsync(
            AuthorizeUri(challenge, state: "s", nonce: "n", redirectUri: "http://evil.example/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownClient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignRedirect.StatusCode);
        Assert.Contains("error_description", await unknownClient.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_a_Spanish_message()
    {
        using var browser = identity.CreateClient();
        var page = await (await browser.GetAsync(AuthorizeUri(Pkce.Create().Challenge, "s", "n"))).Content.ReadAsStringAsync();

        var response = await browser.PostAsync(Protocol.AuthPath, LoginForm(page, "focal.alto-vera", "mala"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.Content.ReadAsStringAsync();
        Assert.Contains("Usuario o contraseña incorrectos.", again);
        Assert.Contains("value=\"focal.alto-vera\"", again);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = identity.CreateClient();
        var page = await (await browser.GetAsync(AuthorizeUri(Pkce.Create().Challenge, "s", "n"))).Content.ReadAsStringAsync();
        var fields = HiddenFields(page);
        fields.Remove("__RequestVerificationToken");
        fields["username"] = "admin";
        fields["password"] = "demo";

        var response = await browser.PostAsync(Protocol.AuthPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_session_skips_the_form_until_logout()
    {
        using var browser = identity.CreateClient();
        var pkce = Pkce.Create();
        var code = await SignInAndGetCodeAsync(browser, pkce, "admin");
        var tokens = await Protocol.PostTokenAsync(browser, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "boards-portal",
            ["code"] = code,
            ["redirect_uri"] = IdentityHost.PortalRedirectUri,
            ["code_verifier"] = pkce.Verifier,
        });

        var again = await browser.GetAsync(AuthorizeUri(Pkce.Create().Challenge, "s2", "n2"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.False(string.IsNullOrEmpty(QueryHelpers.ParseQuery(again.Headers.Location!.Query)["code"].ToString()));

        var logout = await browser.GetAsync(
            $"{Protocol.LogoutPath}?id_token_hint={tokens.Field("id_token")}" +
            $"&post_logout_redirect_uri={Uri.EscapeDataString(IdentityHost.PortalPostLogoutRedirectUri)}&state=bye");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(IdentityHost.PortalPostLogoutRedirectUri, logout.Headers.Location!.ToString());

        var afterLogout = await browser.GetAsync(AuthorizeUri(Pkce.Create().Challenge, "s3", "n3"));
        Assert.Equal(HttpStatusCode.OK, afterLogout.StatusCode);
        Assert.Contains("Iniciar sesión", await afterLogout.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_without_a_return_address_shows_a_page()
    {
        using var browser = identity.CreateClient();

        var response = await browser.GetAsync(Protocol.LogoutPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sesión cerrada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Prompt_none_without_a_session_returns_login_required_to_the_client()
    {
        using var browser = identity.CreateClient();

        var response = await browser.GetAsync(AuthorizeUri(Pkce.Create().Challenge, "s", "n") + "&prompt=none");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("login_required", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString());
    }

    private static async Task<string> SignInAndGetCodeAsync(HttpClient browser, Pkce pkce, string username)
    {
        var page = await (await browser.GetAsync(AuthorizeUri(pkce.Challenge, "s", "n"))).Content.ReadAsStringAsync();
        var redirect = await browser.PostAsync(Protocol.AuthPath, LoginForm(page, username, "demo"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();
    }

    private static string AuthorizeUri(string challenge, string state, string nonce, string redirectUri = IdentityHost.PortalRedirectUri) =>
        $"{Protocol.AuthPath}?client_id=boards-portal&response_type=code&scope={Uri.EscapeDataString("openid profile boards-api")}" +
        $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={state}&nonce={nonce}" +
        $"&code_challenge={challenge}&code_challenge_method=S256";

    private static FormUrlEncodedContent LoginForm(string page, string username, string password)
    {
        var fields = HiddenFields(page);
        fields["username"] = username;
        fields["password"] = password;
        return new FormUrlEncodedContent(fields);
    }

    private static Dictionary<string, string> HiddenFields(string page) =>
        HiddenInput().Matches(page).ToDictionary(
            match => WebUtility.HtmlDecode(match.Groups["name"].Value),
            match => WebUtility.HtmlDecode(match.Groups["value"].Value));

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    private sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce Create()
        {
            var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        }
    }
}
