using Boards.Membership.Contracts.Calls;
using Boards.Membership.Contracts.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Boards.Needs.Features.CastBallot;

/// <summary>
/// Membership's ListMembers (<see cref="IBoardService"/>, over gRPC or in process) for the caller, within
/// Needs:Membership:TimeoutSeconds. A board that does not exist has no voters; any other failure is
/// <see cref="RosterUnavailableException"/>.
/// </summary>
public sealed class MembershipBoardRoster(IBoardService boards, IOptions<MembershipRosterOptions> options) : IBoardRoster
{
    public async Task<IReadOnlyList<RosterVoter>> VotingMembersAsync(string municipalityCode, CancellationToken ct)
    {
        if (boards is GrpcBoardService { IsConfigured: false })
        {
            throw new RosterUnavailableException(
                "El padrón de la mesa no se puede consultar (Needs:Membership:Address no está configurado): no se registró la boleta.");
        }

        try
        {
            var reply = await boards.ListMembersAsync(
                new ListMembersRequest { MunicipalityCode = municipalityCode }, DateTime.UtcNow + options.Value.Timeout, ct);
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
}
