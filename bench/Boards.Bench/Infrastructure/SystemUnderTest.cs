using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Net.Client;
using ReferralClient = Boards.Referrals.Contracts.Grpc.ReferralService.ReferralServiceClient;
using EchoClient = Boards.BuildingBlocks.Api.Grpc.Echo.EchoClient;

namespace Boards.Bench.Infrastructure;

/// <summary>The running system as the harness reaches it: the gateway (REST and gRPC) and the identity provider.</summary>
public sealed class SystemUnderTest : IDisposable
{
    public const string OfferedService = "atencion-primaria";

    private readonly GrpcChannel _channel;

    public SystemUnderTest(BenchOptions options)
    {
        Options = options;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = options.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        _channel = GrpcChannel.ForAddress(options.GatewayGrpcUrl, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        Referrals = new ReferralClient(_channel);
        Echo = new EchoClient(_channel);
        Tokens = new Tokens(options.IdentityRealm, Http);
    }

    public BenchOptions Options { get; }
    public HttpClient Http { get; }
    public ReferralClient Referrals { get; }
    public EchoClient Echo { get; }
    public Tokens Tokens { get; }

    /// <summary>Every focal point the identity provider knows among the municipalities Membership lists.</summary>
    public async Task<IReadOnlyList<FocalPoint>> FocalPointsAsync(CancellationToken cancellationToken)
    {
        var admin = await Tokens.ForUserAsync("admin", cancellationToken);
        var codes = await GetAsync<List<MunicipalityCode>>("/api/municipalities", admin, cancellationToken);
        var signedIn = await Task.WhenAll(codes.Select(m => m.Code).Where(c => !c.StartsWith("bench-", StringComparison.Ordinal))
            .Select(async code => await Tokens.TryForUserAsync($"focal.{code}", cancellationToken) is { } token ? new FocalPoint(code, token) : null));
        var focalPoints = signedIn.OfType<FocalPoint>().ToList();
        return focalPoints.Count > 0
            ? focalPoints
            : throw new InvalidOperationException("Ningún punto focal de demostración pudo iniciar sesión: el banco necesita las cuentas focal.<municipio>.");
    }

    /// <summary>Referrals need the service offered where they are sent: the administrator adds it (409 = already there).</summary>
    public async Task OfferServiceAsync(IEnumerable<string> municipalities, CancellationToken cancellationToken)
    {
        var admin = await Tokens.ForUserAsync("admin", cancellationToken);
        await Task.WhenAll(municipalities.Select(async municipality =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/offer/{municipality}/services")
            {
                Content = JsonContent.Create(new
                {
                    code = OfferedService,
                    name = "Atención primaria de salud",
                    program = "Unidad de Salud de la Familia",
                    institutionCode = "mspbs",
                    categories = new[] { "health" },
                    eligibilitySummary = "Toda persona del distrito, con o sin documento.",
                    channel = "health_unit",
                    monthlyCapacity = 1_000_000,
                    capacityStatus = "available",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await Http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"POST /api/offer/{municipality}/services: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }));
    }

    public async Task<T> GetAsync<T>(string path, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    public void Dispose()
    {
        _channel.Dispose();
        Http.Dispose();
    }

    private sealed record MunicipalityCode(string Code);
}
