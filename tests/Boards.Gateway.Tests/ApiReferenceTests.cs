using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Boards.Gateway.ApiReference;
using Boards.Gateway.Routing;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Gateway.Tests;

/// <summary>
/// The API reference at /reference and one OpenAPI document per REST service at /openapi/{name}.json: without a
/// token, read from the service and rewritten for the gateway; a service that is down gives a Spanish 503.
/// </summary>
public sealed class ApiReferenceTests(ApiReferenceTests.Gateway gateway) : IClassFixture<ApiReferenceTests.Gateway>
{
    /// <summary>The gateway with referrals' HTTP endpoint on a stub and membership's on a port where nothing listens.</summary>
    public sealed class Gateway : IAsyncLifetime
    {
        public UpstreamStub Referrals { get; private set; } = null!;
        public GatewayHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Referrals = await UpstreamStub.StartAsync();
            Host = new GatewayHost(new Dictionary<string, string>
            {
                ["services:referrals:http:0"] = Referrals.Address,
                ["services:membership:http:0"] = "http://127.0.0.1:9",
                // A budget no test here exhausts by accident; RateLimitedDiscoveryTests tests the limit itself.
                ["Gateway:RateLimit:Burst"] = "1000",
            });
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Referrals.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_document_is_served_without_a_token_and_rewritten_for_the_gateway()
    {
        using var client = gateway.Host.CreateClient();
        var before = gateway.Referrals.Requests;

        using var response = await client.GetAsync("/openapi/referrals.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(gateway.Referrals.Requests > before, "The gateway did not ask the service for its document.");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal("Boards — Derivaciones", (string?)document["info"]!["title"]);
        Assert.Equal("1.0.0", (string?)document["info"]!["version"]);
        Assert.Contains("/protocol/openid-connect/token", (string?)document["info"]!["description"], StringComparison.Ordinal);
        Assert.Contains("Cada operación necesita un token", (string?)document["info"]!["description"], StringComparison.Ordinal);
        Assert.Equal("http://localhost", (string?)Assert.Single(document["servers"]!.AsArray())!["url"]);

        // Only what the gateway forwards: /api/referrals/** and /api/institutions/** (both routed to referrals).
        Assert.Equal(["/api/institutions", "/api/referrals", "/api/referrals/{id}"],
            document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(document["components"]!["schemas"]!["Referral"]);

        var scheme = document["components"]!["securitySchemes"]![OpenApiRewriter.SecurityScheme]!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        Assert.Equal("JWT", (string?)scheme["bearerFormat"]);
        Assert.NotNull(Assert.Single(document["security"]!.AsArray())![OpenApiRewriter.SecurityScheme]);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_gives_503_in_spanish_with_retry_after()
    {
        using var client = gateway.Host.CreateClient();

        using var response = await client.GetAsync("/openapi/membership.json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotEmpty(response.Headers.GetValues("Retry-After"));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Servicio no disponible por un momento.", problem!.Title);
        Assert.Contains("municipios y mesas no entregó su documento de API", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_is_404_in_spanish()
    {
        using var client = gateway.Host.CreateClient();

        using var response = await client.GetAsync("/openapi/nada.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("No existe ese documento de API.", problem!.Title);
        Assert.Contains("'nada'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rest_service_behind_the_gateway_has_exactly_one_document()
    {
        var restClusters = GatewayRoutes.Routes
            .Where(route => route.Match.Path!.EndsWith(GatewayRoutes.RestSuffix, StringComparison.Ordinal))
            .Select(route => route.ClusterId!)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(restClusters, ApiDocuments.All.Select(d => d.Cluster).Order(StringComparer.Ordinal));
        Assert.Equal(ApiDocuments.All.Count, ApiDocuments.All.Select(d => d.Name).Distinct().Count());
        Assert.All(ApiDocuments.All, document =>
        {
            Assert.NotEmpty(document.RoutedPrefixes);
            // The API, and the two anonymous routes (the open data and the public pulse), which their services document too.
            Assert.All(document.RoutedPrefixes, prefix => Assert.True(
                prefix.StartsWith("/api/", StringComparison.Ordinal)
                    || new[] { GatewayRoutes.OpenData, GatewayRoutes.PublicPulse }.Any(route => route.Match.Path!.StartsWith(prefix + "/", StringComparison.Ordinal)), prefix));
        });
    }

    [Fact]
    public async Task The_reference_page_is_in_spanish_lists_every_document_and_serves_its_own_script()
    {
        using var client = gateway.Host.CreateClient();

        using var page = await client.GetAsync(ApiReferencePage.Path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Boards — referencia de la API</title>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Referencia de las API REST de Boards", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // Each document by its address relative to the site's root, as Scalar's script resolves it.
        Assert.All(ApiDocuments.All, document => Assert.Contains($"\"url\":\"{document.Path.TrimStart('/')}\"", html, StringComparison.Ordinal));
        Assert.Contains("\"locale\":\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);

        // Every script comes from the gateway itself: nothing from a CDN.
        var scripts = Regex.Matches(html, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.DoesNotContain("://", src, StringComparison.Ordinal));
        foreach (var src in scripts)
        {
            using var script = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, ApiReferencePage.Path + "/"), src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
    }
}
