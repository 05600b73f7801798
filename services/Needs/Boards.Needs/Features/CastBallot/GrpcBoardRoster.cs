using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Boards.Membership.Contracts.Grpc;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;

namespace Boards.Needs.Features.CastBallot;

/// <summary>
/// Membership's ListMembers (boards.membership.v1.BoardService) with the caller's own bearer token, one attempt within a
/// short deadline. A board that does not exist has no voters; any other failure is <see cref="RosterUnavailableException"/>.
/// </summary>
public sealed class GrpcBoardRoster(GrpcClientFactory clients, IOptions<MembershipRosterOptions> options, IHttpContextAccessor http) : IBoardRoster
{
    public const string ClientName = "membership-board-roster";

    public async Task<IReadOnlyList<RosterVoter>> VotingMembersAsync(string municipalityCode, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Address))
        {
            throw new RosterUnavailableException(
                "El padrón de la mesa no se puede consultar (Needs:Membership:Address no está configurado): no se registró la boleta.");
        }

        var headers = new Metadata();
        if (http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("authorization", authorization);
        }

        try
        {
            var reply = await clients.CreateClient<BoardService.BoardServiceClient>(ClientName).ListMembersAsync(
                new ListMembersRequest { MunicipalityCode = municipalityCode }, headers, DateTime.UtcNow + settings.Timeout, ct);
            return [.. reply.Members.Where(m => m.Active && m.Voting && Guid.TryParse(m.Id, out _))
                .Select(m => new RosterVoter(Guid.Parse(m.Id), m.PersonName))];
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return [];
        }
        catch (RpcException exception) when (!ct.IsCancellationRequested)
        {
            throw new RosterUnavailableException(
                "No se pudo consultar el padrón de la mesa en Membership: no se registró la boleta. Intente de nuevo en un momento.", exception);
        }
    }

    public static IServiceCollection AddBoardRoster(IServiceCollection services)
    {
        services.AddOptions<MembershipRosterOptions>().BindConfiguration(MembershipRosterOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<IBoardRoster, GrpcBoardRoster>();
        services.AddGrpcClient<BoardService.BoardServiceClient>(ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IOptions<MembershipRosterOptions>>().Value.Address is { Length: > 0 } address
                    ? address
                    : "http://127.0.0.1:9"))
            .WithoutResilience()
            // http://_grpc.membership: each call to the next membership replica (docs/configuration.md, "gRPC balancing").
            .BalancedPerCall();
        return services;
    }
}
