using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// What an integrator starts from, against the whole system through the gateway (docs/integrators.md): the two samples
/// (C# and Node.js) list every gRPC service by reflection and create a referral with a real token from the identity
/// provider; the .proto bundle holds every file the running services serve; the API reference and its documents answer
/// without a token while the operations they describe still need one.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed partial class IntegratorTests(BoardsAppFixture boards)
{
    private static readonly Dictionary<string, string> SystemAddresses = new()
    {
        ["BOARDS_REALM"] = $"http://localhost:{BoardsAppFixture.IdentityPort}/realms/boards",
        ["BOARDS_CLIENT_ID"] = "integrator-demo",
        ["BOARDS_CLIENT_SECRET"] = "demo-secret",
        ["BOARDS_MUNICIPALITY"] = "alto-vera",
    };

    [Fact]
    public Task The_csharp_sample_lists_every_service_with_its_methods_and_creates_a_referral() => RunCSharpSampleAsync(SystemAddresses);

    [Fact]
    public Task The_node_sample_lists_every_service_and_creates_a_referral_from_the_downloaded_bundle() => RunNodeSampleAsync(SystemAddresses);

    /// <summary>
    /// Issue 22's "done when": a client the ministry registers through the API gets a token, lists the services by
    /// reflection through the gateway and runs both samples; revoking it refuses its very next call, with the token it
    /// already holds, and the identity provider gives it no new one.
    /// </summary>
    [Fact]
    public async Task A_client_registered_through_the_api_runs_both_samples_and_revoking_it_stops_its_next_call()
    {
        var admin = await boards.Tokens.ForUser("admin");
        using var registered = await SendAsync(HttpMethod.Post, "/api/integrator-clients", admin,
            new { name = "Sistema de prueba de punta a punta", institution = "mspbs", scopes = new[] { "referrals" }, rateLimitPerSecond = 50 });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var client = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var (clientId, secret) = (client.GetProperty("clientId").GetString()!, client.GetProperty("secret").GetString()!);
        var credentials = new Dictionary<string, string>(SystemAddresses) { ["BOARDS_CLIENT_ID"] = clientId, ["BOARDS_CLIENT_SECRET"] = secret };

        await RunCSharpSampleAsync(credentials);
        await RunNodeSampleAsync(credentials);

        using var tokenResponse = await ClientCredentialsAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using (var before = await SendAsync(HttpMethod.Get, "/api/institutions", token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoked = await SendAsync(HttpMethod.Post, $"/api/integrator-clients/{clientId}/revoke", admin,
            new { reason = "Prueba de punta a punta: el sistema se da de baja." });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        using var next = await SendAsync(HttpMethod.Get, "/api/institutions", token);
        Assert.Equal(HttpStatusCode.Forbidden, next.StatusCode);
        var grpc = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.GetReferralAsync(
            new GetReferralRequest { Id = "0190a000-0000-7000-8000-000000000001" }, BoardsAppFixture.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, grpc.StatusCode);
        using var newToken = await ClientCredentialsAsync(clientId, secret);
        Assert.False(newToken.IsSuccessStatusCode, $"A revoked client got a token: {(int)newToken.StatusCode}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await boards.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret)
    {
        using var http = new HttpClient();
        return await http.PostAsync($"http://localhost:{BoardsAppFixture.IdentityPort}/realms/boards/protocol/openid-connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "boards-api",
            }));
    }

    private async Task RunCSharpSampleAsync(IReadOnlyDictionary<string, string> credentials)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var sample = Path.Combine(Repository.Root, "samples", "Boards.Samples.GrpcClient", "bin", configuration, "net10.0", "Boards.Samples.GrpcClient.dll");
        Assert.True(File.Exists(sample), $"{sample} is not built (dotnet build Boards.sln).");

        var output = await Commands.RunAsync("dotnet", [sample],
            new Dictionary<string, string>(credentials) { ["BOARDS_GATEWAY_GRPC"] = $"http://localhost:{BoardsAppFixture.GatewayGrpcPort}" },
            TimeSpan.FromMinutes(2));

        Assert.Equal(ContractProtos.Services, ListedServices(output));
        Assert.Contains("  método boards.referrals.v1.ReferralService/CreateReferral", output.Split('\n'));
        await AssertCreatedAsync(output);
    }

    private async Task RunNodeSampleAsync(IReadOnlyDictionary<string, string> credentials)
    {
        var sample = Path.Combine(Repository.Root, "samples", "node-grpc-client");
        Assert.True(Directory.Exists(Path.Combine(sample, "node_modules", "@grpc", "grpc-js")),
            "The Node.js sample's packages are not installed: test.sh runs `npm ci` in samples/node-grpc-client.");
        var protos = Directory.CreateTempSubdirectory("boards-protos-");
        try
        {
            // Anonymous, as an integrator downloads it before having any credentials.
            using (var zip = new ZipArchive(await boards.Http.GetStreamAsync("/protos/boards-protos.zip")))
            {
                zip.ExtractToDirectory(protos.FullName);
            }

            var output = await Commands.RunAsync("node", [Path.Combine(sample, "index.js")],
                new Dictionary<string, string>(credentials)
                {
                    ["BOARDS_GATEWAY_GRPC_TARGET"] = $"localhost:{BoardsAppFixture.GatewayGrpcPort}",
                    ["BOARDS_PROTOS"] = protos.FullName,
                },
                TimeSpan.FromMinutes(1));

            Assert.Equal(ContractProtos.Services, ListedServices(output));
            await AssertCreatedAsync(output);
        }
        finally
        {
            protos.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_bundle_holds_every_proto_the_running_services_serve()
    {
        using var zip = new ZipArchive(await boards.Http.GetStreamAsync("/protos/boards-protos.zip"));
        var entries = zip.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var (service, port) in OpenApiCatalog.RestPorts.Where(p => !OpenApiCatalog.RestOnly.Contains(p.Key)))
        {
            var served = await GrpcCatalog.FilesAsync(port + 1);
            Assert.NotEmpty(served);
            Assert.All(served, file => Assert.True(entries.Contains(file), $"{service} serves {file}, which the bundle lacks."));
        }
    }

    [Fact]
    public async Task The_reference_and_every_document_answer_without_a_token_and_the_operations_still_need_one()
    {
        var page = await boards.Http.GetStringAsync("/reference");
        var documents = DocumentPath().Matches(page).Select(m => "/" + m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(OpenApiCatalog.RestPorts.Count, documents.Count);

        foreach (var path in documents)
        {
            var document = JsonNode.Parse(await boards.Http.GetStringAsync(path))!;
            Assert.Equal($"http://localhost:{BoardsAppFixture.GatewayPort}", (string?)document["servers"]![0]!["url"]);
            var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
            Assert.NotEmpty(paths);
            // The API, and the two routes without a token: Monitoring's open data (docs/open-data.md) and Participation's
            // public pulse (docs/pulse.md).
            Assert.All(paths, p => Assert.True(p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/open/v1", StringComparison.Ordinal)
                || p.StartsWith("/pulse/v1", StringComparison.Ordinal), p));

            // A described API operation without parameters, called as the document says, without a token: 401.
            var open = paths.First(p => p.StartsWith("/api/", StringComparison.Ordinal) && !p.Contains('{', StringComparison.Ordinal));
            using var response = await boards.Http.GetAsync(open);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private static List<string> ListedServices(string output) =>
        output.Split('\n').Where(line => line.StartsWith("servicio ", StringComparison.Ordinal))
            .Select(line => line["servicio ".Length..].Trim())
            .Where(name => !name.StartsWith("grpc.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The referral the sample printed exists, created by the integrator's institution.</summary>
    private async Task AssertCreatedAsync(string output)
    {
        var created = CreatedLine().Match(output);
        Assert.True(created.Success, "The sample printed no created referral:\n" + output);
        var referral = await boards.Referrals.GetReferralAsync(
            new GetReferralRequest { Id = created.Groups[1].Value }, BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator()));
        Assert.Equal("mspbs", referral.OriginInstitution);
        Assert.Equal(ReferralStatus.Requested, referral.Status);
    }

    [GeneratedRegex(@"derivación creada (\S+) estado")]
    private static partial Regex CreatedLine();

    [GeneratedRegex(@"""url"":""(openapi/[a-z]+\.json)""")]
    private static partial Regex DocumentPath();
}
