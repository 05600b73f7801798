using Boards.Gateway.RateLimiting;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Reflection;

namespace Boards.Gateway.GrpcContracts;

/// <summary>
/// gRPC server reflection at the gateway, for every service of every contract: one `list` on the gateway's gRPC port
/// shows them all, and each is described with the files it imports. The gateway answers it itself from the
/// descriptors compiled into the contracts assemblies, rather than forwarding to one service's reflection, which
/// knows only that service's methods (docs/integrators.md, "gRPC reflection"). Anonymous like the services' own
/// reflection and the .proto bundle (it tells nothing the bundle does not), limited per client like every route.
/// </summary>
public static class ContractReflection
{
    /// <summary>What `list` answers: the contracts' services and reflection itself, as every gRPC server lists it.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        .. ContractAssemblies.Services,
        Grpc.Reflection.V1.ServerReflection.Descriptor,
        Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
    ];

    public static IServiceCollection AddContractReflection(this IServiceCollection services)
    {
        // Unknown gRPC paths keep falling through to the proxy (and its 404), as before the gateway served any gRPC.
        services.AddGrpc(grpc => grpc.IgnoreUnknownServices = true);
        services.AddSingleton(new ReflectionV1ServiceImpl(Services));
        services.AddSingleton(new ReflectionServiceImpl(Services));
        return services;
    }

    public static WebApplication MapContractReflection(this WebApplication app)
    {
        app.MapGrpcService<ReflectionV1ServiceImpl>().AllowAnonymous().RequireRateLimiting(ClientRateLimiting.PolicyName);
        app.MapGrpcService<ReflectionServiceImpl>().AllowAnonymous().RequireRateLimiting(ClientRateLimiting.PolicyName);
        return app;
    }
}
