using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Gateway.Tests;

/// <summary>
/// A service's HTTP endpoint as the gateway sees it, on a real loopback port: /openapi/v1.json answers with
/// <see cref="Document"/>, the shape ASP.NET Core's OpenAPI generator writes (the document a real service serves is
/// covered end to end by IntegratorTests). Counts the requests, so a test can tell the gateway asked.
/// </summary>
public sealed class UpstreamStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private UpstreamStub(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    public int Requests => _requests;

    public const string Document = """
        {
          "openapi": "3.1.1",
          "info": { "title": "Boards.Referrals | v1", "version": "1.0.0" },
          "servers": [ { "url": "http://localhost:47101/" } ],
          "paths": {
            "/api/referrals": { "get": { "responses": { "200": { "description": "OK" } } } },
            "/api/referrals/{id}": { "get": { "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ], "responses": { "200": { "description": "OK" } } } },
            "/api/institutions": { "get": { "responses": { "200": { "description": "OK" } } } },
            "/api/referrals-archive": { "get": { "responses": { "200": { "description": "OK" } } } },
            "/internal/diagnostics": { "get": { "responses": { "200": { "description": "OK" } } } }
          },
          "components": { "schemas": { "Referral": { "type": "object" } } }
        }
        """;

    public static async Task<UpstreamStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new UpstreamStub(app);
        app.MapGet("/openapi/v1.json", () =>
        {
            Interlocked.Increment(ref stub._requests);
            return Results.Text(Document, "application/json");
        });
        await app.StartAsync();
        stub.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
