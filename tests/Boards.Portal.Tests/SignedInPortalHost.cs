using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Boards.Portal.Api;
using Boards.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boards.Portal.Tests;

/// <summary>
/// The portal in-process with a person already signed in (a test scheme instead of the identity provider; the header
/// <c>X-Test-User: admin</c> makes them ministry-admin) and a gateway that answers what each test says
/// (<see cref="FakeGateway"/>): the pages as drawn, without a browser or the services.
/// </summary>
public sealed class SignedInPortalHost : WebApplicationFactory<Program>
{
    private readonly PortalDatabase _database = new();

    public FakeGateway Gateway { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:portaldb", _database.ConnectionString);
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
        builder.UseSetting("Identity:RequireHttpsMetadata", "false");
        builder.UseSetting("Portal:GatewayUrl", "http://gateway.test");
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(auth =>
                {
                    auth.DefaultScheme = TestSignIn.SchemeName;
                    auth.DefaultChallengeScheme = TestSignIn.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, _ => { });
            services.AddHttpClient<BoardsApi>().ConfigurePrimaryHttpMessageHandler(() => Gateway);
            services.AddHttpClient<Boards.Portal.Pulse.PublicPulseApi>().ConfigurePrimaryHttpMessageHandler(() => Gateway);
        });
    }

    public HttpClient NewClient(string? user = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.UserHeader, user);
        }

        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}

/// <summary>focal.pilar (sub <c>sub-focal-pilar</c>) by default; <c>admin</c> (sub <c>sub-admin</c>) with the header.</summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var admin = Request.Headers[UserHeader] == "admin";
        Claim[] claims = admin
            ? [new(PortalClaims.Subject, "sub-admin"), new(PortalClaims.UserName, "admin"), new(PortalClaims.Name, "Administración"), new(PortalClaims.Role, CurrentUser.Admin)]
            :
            [
                new(PortalClaims.Subject, "sub-focal-pilar"), new(PortalClaims.UserName, "focal.pilar"), new(PortalClaims.Name, "Punto focal de Pilar"),
                new(PortalClaims.Role, CurrentUser.FocalPoint), new(PortalClaims.Municipality, "pilar"),
            ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, PortalClaims.Name, PortalClaims.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>
/// The gateway as a test wants it: <see cref="Answer"/> gives the status and JSON for a request ("METHOD /path?query");
/// null means the gateway does not answer (connection refused). Every request is kept, with its body.
/// </summary>
public sealed class FakeGateway : HttpMessageHandler
{
    public ConcurrentQueue<(string Request, string? Body)> Requests { get; } = new();

    public Func<string, (HttpStatusCode Status, string? Json)?> Answer { get; set; } = _ => null;

    /// <summary>How long the gateway takes to answer the requests it matches (a service that hangs).</summary>
    public Func<string, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    public void Reset()
    {
        Requests.Clear();
        Answer = _ => null;
        Delay = _ => TimeSpan.Zero;
    }

    public IEnumerable<string> Asked(string prefix) => Requests.Select(r => r.Request).Where(r => r.StartsWith(prefix, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = $"{request.Method} {request.RequestUri!.PathAndQuery}";
        Requests.Enqueue((key, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        if (Delay(key) is { Ticks: > 0 } delay)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var answer = Answer(key) ?? throw new HttpRequestException("Connection refused (test gateway)");
        return new HttpResponseMessage(answer.Status)
        {
            Content = answer.Json is null ? null : new StringContent(answer.Json, Encoding.UTF8, "application/json"),
        };
    }
}

/// <summary>Just enough reading of the portal's HTML for these tests.</summary>
public static partial class Html
{
    /// <summary>The opening tag and text of the element with this id (an element without nested elements of its kind).</summary>
    public static string Element(string html, string id)
    {
        var open = Regex.Match(html, $"""<(?<tag>[a-z0-9]+)\b[^>]*\bid="{Regex.Escape(id)}"[^>]*>""");
        Assert.True(open.Success, $"No element with id {id} in the page.");
        if (open.Groups["tag"].Value is "input" or "img" or "br" or "meta" or "link")
        {
            return open.Value;
        }

        var end = html.IndexOf($"</{open.Groups["tag"].Value}>", open.Index + open.Length, StringComparison.Ordinal);
        Assert.True(end >= 0, $"The element with id {id} does not end.");
        return html[open.Index..(end + open.Groups["tag"].Value.Length + 3)];
    }

    /// <summary>Only the opening tag of the element with this id (its own attributes).</summary>
    public static string OpenTag(string html, string id)
    {
        var element = Element(html, id);
        return element[..(element.IndexOf('>', StringComparison.Ordinal) + 1)];
    }

    public static bool Has(string html, string id) => html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    public static string Text(string element) => WebUtility.HtmlDecode(TagPattern().Replace(element, "")).Trim();

    public static string? Attribute(string element, string name)
    {
        var match = Regex.Match(element, $"""\b{Regex.Escape(name)}="(?<v>[^"]*)" """.TrimEnd());
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    /// <summary>The hidden fields of a form (its Blazor handler name and antiforgery token), to post it as a browser would.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string formId)
    {
        var form = Element(html, formId);
        return InputPattern().Matches(form)
            .Select(m => m.Value)
            .Where(input => Attribute(input, "type") == "hidden")
            .ToDictionary(input => Attribute(input, "name")!, input => Attribute(input, "value") ?? "");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();
}
