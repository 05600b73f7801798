using Boards.Membership.Contracts.Calls;
using Boards.Membership.Contracts.Grpc;
using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Boards.Needs.Features.CastBallot;

public static class BoardRosterRegistration
{
    /// <summary>
    /// The roster from Membership: its gRPC client, unless the process hosts Membership too, whose in-process adapter
    /// then takes <see cref="IBoardService"/> (docs/architecture.md, "Calls between modules").
    /// </summary>
    public static IServiceCollection AddBoardRoster(this IServiceCollection services)
    {
        services.AddOptions<MembershipRosterOptions>().BindConfiguration(MembershipRosterOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<IBoardRoster, MembershipBoardRoster>();
        services.TryAddSingleton<IBoardService, GrpcBoardService>();
        services.AddGrpcClient<BoardService.BoardServiceClient>(GrpcBoardService.ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<MembershipRosterOptions>>().Value.Address is { Length: > 0 } address
                    ? address
                    : "http://127.0.0.1:9"))
            .WithoutResilience()
            // http://_grpc.membership: each call to the next membership replica (docs/configuration.md, "gRPC balancing").
            .BalancedPerCall();
        return services;
    }
}
