using Boards.Gateway.Routing;

namespace Boards.Gateway.Tests;

/// <summary>
/// gRPC reflection at the gateway, answered by the gateway itself: one `list` shows every gRPC service of every
/// contracts project in the repository (so a new service or contracts project is covered without touching this test),
/// each described with its methods and imports, and each one reachable through a route. No token is needed.
/// </summary>
public sealed class ReflectionTests : IDisposable
{
    private static readonly string[] ReflectionServices = ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];

    // A budget these calls never exhaust; AnonymousEndpointsTests tests the limit itself.
    private readonly GatewayHost _host = new(new Dictionary<string, string> { ["Gateway:RateLimit:Burst"] = "1000" });
    private readonly GatewayReflection _reflection;

    public ReflectionTests() => _reflection = new GatewayReflection(_host);

    public void Dispose()
    {
        _reflection.Dispose();
        _host.Dispose();
    }

    [Fact]
    public void The_contracts_declare_the_services_their_proto_files_declare()
    {
        Assert.NotEmpty(ContractCatalog.Assemblies);
        Assert.Contains("boards.referrals.v1.ReferralService", ContractCatalog.ServiceNames);
        Assert.Equal(ContractCatalog.ServicesInProtoFiles, ContractCatalog.ServiceNames);
    }

    [Fact]
    public async Task One_list_without_a_token_shows_every_service_of_every_contract_and_reflection()
    {
        var listed = await _reflection.ListAsync();

        Assert.Equal(ContractCatalog.ServiceNames.Concat(ReflectionServices).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task The_v1alpha_reflection_lists_the_same_services()
    {
        // Older clients (grpcurl before 1.8.8, some IDEs) still speak v1alpha.
        var client = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(_reflection.Channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(await _reflection.ListAsync(), call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_service_is_described_with_its_methods_and_the_files_it_imports()
    {
        foreach (var service in ContractCatalog.Services)
        {
            var files = await _reflection.FilesAsync(service.FullName);

            var declaring = files.First();
            var described = Assert.Single(declaring.Service, s => $"{declaring.Package}.{s.Name}" == service.FullName);
            Assert.Equal(service.Methods.Select(m => m.Name), described.Method.Select(m => m.Name));
            // Every import is in the answer, so a client can build the request and response types.
            var sent = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(files.SelectMany(f => f.Dependency), dependency => Assert.Contains(dependency, sent));
        }
    }

    [Fact]
    public void Every_listed_service_has_a_route_so_what_reflection_shows_can_be_called()
    {
        var missing = ContractCatalog.ServiceNames
            .Where(service => !GatewayRoutes.Routes.Any(route => route.Match.Path == $"/{service}/{{**method}}"))
            .ToList();

        Assert.True(missing.Count == 0, "No gateway route for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Reflection_is_answered_by_the_gateway_and_never_forwarded_to_one_service()
    {
        Assert.DoesNotContain(GatewayRoutes.Routes, route => route.Match.Path!.StartsWith("/grpc.reflection.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_to_a_boards_service_still_needs_a_token()
    {
        var referrals = new Boards.Referrals.Contracts.Grpc.ReferralService.ReferralServiceClient(_reflection.Channel);

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            referrals.GetReferralAsync(new Boards.Referrals.Contracts.Grpc.GetReferralRequest { Id = "x" }).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, error.StatusCode);
    }
}
