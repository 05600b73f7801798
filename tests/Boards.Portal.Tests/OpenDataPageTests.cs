using System.Net;
using Boards.Portal.OpenData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Portal.Tests;

/// <summary>
/// The public open data page (/datos-abiertos) as the portal draws it for someone who never signed in, against a
/// gateway that answers the open data's index as docs/open-data.md says (or not at all).
/// </summary>
public sealed class OpenDataPageTests : IClassFixture<OpenDataPageTests.AnonymousPortal>
{
    private const string IndexJson = """
        { "version": "v1", "licencia": "https://creativecommons.org/licenses/by/4.0/", "diccionario": "/open/v1/diccionario.json",
          "mes_actual": "2026-12", "meses": ["2026-10", "2026-11", "2026-12"],
          "municipios": [
            { "municipio": "alto-vera", "municipio_nombre": "Alto Verá", "departamento": "Itapúa", "departamento_numero": 7 },
            { "municipio": "pilar", "municipio_nombre": "Pilar", "departamento": "Ñeembucú", "departamento_numero": 12 } ] }
        """;

    /// <summary>The portal with no sign-in at all and a stand-in gateway; links point at the public address configured.</summary>
    public sealed class AnonymousPortal : WebApplicationFactory<Program>
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
            builder.UseSetting("Portal:OpenDataUrl", "https://api.boards.example.org/");
            builder.ConfigureTestServices(services => services.AddHttpClient<OpenDataClient>().ConfigurePrimaryHttpMessageHandler(() => Gateway));
        }

        public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _database.DropAsync();
        }
    }

    private readonly AnonymousPortal _portal;

    public OpenDataPageTests(AnonymousPortal portal)
    {
        _portal = portal;
        portal.Gateway.Reset();
        // The portal keeps the index a minute; each test starts from what its gateway answers.
        (portal.Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
    }

    [Fact]
    public async Task The_page_opens_without_signing_in_and_links_every_month_and_municipality_to_the_stable_addresses()
    {
        _portal.Gateway.Answer = request => request == "GET /open/v1/municipios.json" ? (HttpStatusCode.OK, IndexJson) : null;
        using var response = await _portal.NewClient().GetAsync("/datos-abiertos");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Datos abiertos</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://creativecommons.org/licenses/by/4.0/deed.es\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/diccionario.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/meses/2026-11.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/meses/2026-10.json\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/municipios/alto-vera/2026-12.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("Alto Verá", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("diciembre de 2026", html, StringComparison.Ordinal);
        // Newest month first.
        Assert.True(html.IndexOf("data-month=\"2026-12\"", StringComparison.Ordinal) < html.IndexOf("data-month=\"2026-10\"", StringComparison.Ordinal));
        // No sign-in was asked for, and nothing was sent to the gateway but the index.
        Assert.Equal(["GET /open/v1/municipios.json"], _portal.Gateway.Requests.Select(r => r.Request).Distinct());
    }

    [Fact]
    public async Task The_pulse_is_listed_by_quarter_with_each_file_and_each_municipalitys_current_quarter()
    {
        var index = IndexJson.TrimEnd()[..^1] + """
            , "trimestre_actual": "2026-T4", "trimestres": ["2026-T3", "2026-T4", "2026-13"] }
            """;
        _portal.Gateway.Answer = request => request == "GET /open/v1/municipios.json" ? (HttpStatusCode.OK, index) : null;
        var html = WebUtility.HtmlDecode(await _portal.NewClient().GetStringAsync("/datos-abiertos"));

        Assert.Contains("Pulso de confianza y participación, por trimestre", html, StringComparison.Ordinal);
        Assert.Contains("por rango de edad", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/pulso/2026-T3.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/pulso/2026-T4.json\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://api.boards.example.org/open/v1/municipios/pilar/pulso/2026-T4.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("2026-T3 (julio a septiembre)", html, StringComparison.Ordinal);
        Assert.Contains("provisional: el trimestre está en curso", html, StringComparison.Ordinal);
        // Newest quarter first; a label of another shape is never made into a link.
        Assert.True(html.IndexOf("data-quarter=\"2026-T4\"", StringComparison.Ordinal) < html.IndexOf("data-quarter=\"2026-T3\"", StringComparison.Ordinal));
        Assert.DoesNotContain("2026-13", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_download_form_sends_the_person_to_the_file_and_refuses_anything_else_in_spanish()
    {
        using var client = _portal.NewClient();

        using var one = await client.GetAsync("/datos-abiertos/descargar?municipio=pilar&mes=2026-11&formato=json");
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal("https://api.boards.example.org/open/v1/municipios/pilar/2026-11.json", one.Headers.Location!.ToString());

        using var all = await client.GetAsync("/datos-abiertos/descargar?municipio=&mes=2026-11&formato=csv");
        Assert.Equal("https://api.boards.example.org/open/v1/meses/2026-11.csv", all.Headers.Location!.ToString());

        foreach (var bad in new[]
                 {
                     "?mes=2026-13&formato=csv", "?mes=2026-11&formato=xml", "?mes=2026-11", "?municipio=..%2F..%2Fapi&mes=2026-11&formato=csv",
                     "?municipio=https%3A%2F%2Fevil.example&mes=2026-11&formato=csv",
                 })
        {
            using var refused = await client.GetAsync("/datos-abiertos/descargar" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Elija un mes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
