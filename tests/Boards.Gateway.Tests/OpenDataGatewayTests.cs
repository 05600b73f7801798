using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Gateway.Tests;

/// <summary>
/// /open/v1 at the gateway (docs/open-data.md): the one route that needs no token. Behind the gateway is a stand-in for
/// Monitoring on a real loopback port, which says what reached it; the gateway itself is the real one, with an
/// unreachable identity authority and an open data budget of <see cref="Burst"/> requests per address.
/// </summary>
public sealed class OpenDataGatewayTests : IAsyncLifetime
{
    private const int Burst = 4;

    private WebApplication? _monitoring;
    private GatewayHost? _gateway;

    /// <summary>What the stand-in saw of the last request: its path, and whether credentials came along.</summary>
    private sealed record Seen(string Path, bool Authorization, bool Cookie);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        _monitoring = builder.Build();
        _monitoring.MapMethods("/open/v1/{**rest}", ["GET", "HEAD"], (HttpRequest request) => Results.Json(new Seen(
            request.Path, request.Headers.ContainsKey("Authorization"), request.Headers.ContainsKey("Cookie"))));
        await _monitoring.StartAsync();
        var address = _monitoring.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        _gateway = new GatewayHost(new Dictionary<string, string>
        {
            ["services:monitoring:http:0"] = address,
            ["Gateway:OpenData:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:OpenData:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_monitoring is not null)
        {
            await _monitoring.DisposeAsync();
        }
    }

    private GatewayHost Gateway => _gateway!;

    [Fact]
    public async Task A_request_without_a_token_reaches_the_open_data()
    {
        using var client = Gateway.ClientFrom("203.0.113.40");

        using var response = await client.GetAsync("/open/v1/municipios/alto-vera/2026-11.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<Seen>();
        Assert.Equal("/open/v1/municipios/alto-vera/2026-11.json", seen!.Path);
    }

    [Fact]
    public async Task The_callers_token_and_cookies_are_not_needed_nor_passed_on()
    {
        using var client = Gateway.ClientFrom("203.0.113.41");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open/v1/diccionario.json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-valid-token");
        request.Headers.Add("Cookie", "boards.portal=abc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<Seen>();
        Assert.False(seen!.Authorization);
        Assert.False(seen.Cookie);
    }

    [Fact]
    public async Task The_open_data_is_limited_per_address_with_its_own_budget_and_a_spanish_429()
    {
        using var client = Gateway.ClientFrom("198.51.100.30");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/open/v1/municipios.json"));

        Assert.InRange(before.Count, Burst, Burst + 1);
        Assert.All(before, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
            var problem = await rejected.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal("Demasiadas solicitudes.", problem!.Title);
            Assert.Contains("datos abiertos", problem.Detail, StringComparison.Ordinal);
            Assert.True(int.TryParse(Assert.Single(rejected.Headers.GetValues("Retry-After")), out var seconds) && seconds >= 1);
        }
    }

    [Fact]
    public async Task Another_address_has_its_own_bucket_and_a_token_buys_none()
    {
        using var flooder = Gateway.ClientFrom("198.51.100.31");
        using var neighbour = Gateway.ClientFrom("198.51.100.32");
        var (_, rejected) = await GatewayHost.SendUntilRejectedAsync(flooder, GatewayHost.Get("/open/v1/municipios.json"));
        Assert.NotNull(rejected);
        rejected.Dispose();

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/open/v1/municipios.json");
        withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "another-made-up-token");
        using var stillLimited = await flooder.SendAsync(withToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);

        for (var i = 0; i < Burst; i++)
        {
            using var response = await neighbour.GetAsync("/open/v1/municipios.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Spending_the_open_data_budget_leaves_the_per_client_one_alone()
    {
        using var client = Gateway.ClientFrom("198.51.100.33");
        var (_, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/open/v1/municipios.json"));
        Assert.NotNull(rejected);
        rejected.Dispose();

        for (var i = 0; i < GatewayHost.Burst; i++)
        {
            using var response = await client.GetAsync("/api/monitoring/municipalities");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("POST", "/open/v1/municipios.json")]
    [InlineData("PUT", "/open/v1/meses/2026-11.json")]
    [InlineData("DELETE", "/open/v1/diccionario.json")]
    [InlineData("GET", "/open/v2/municipios.json")]
    [InlineData("GET", "/open/municipios.json")]
    [InlineData("GET", "/api/monitoring/municipalities")]
    public async Task Everything_else_still_needs_a_token(string method, string path)
    {
        using var client = Gateway.ClientFrom("192.0.2.80");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
