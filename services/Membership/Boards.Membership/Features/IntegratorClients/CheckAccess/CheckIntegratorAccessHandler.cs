using System.Globalization;
using System.Security.Claims;
using Boards.Membership.Data;
using Boards.Membership.Domain.IntegratorClients;

namespace Boards.Membership.Features.IntegratorClients.CheckAccess;

/// <summary>
/// Whether an integrator's token may still be used, asked by the gateway before it forwards an integrator's call, with
/// that call's own token: refused when the token's client (azp) was revoked, or when it was issued (iat) before the
/// client's last secret rotation. A client this service did not register (integrator-demo in Development, or one an
/// operator made in Keycloak's console) is allowed: its token alone decides. One indexed read per call.
/// </summary>
public sealed class CheckIntegratorAccessHandler(MembershipDbContext db)
{
    public async Task HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(BoardsRoles.Integrator))
        {
            throw new ForbiddenException("Solo un cliente integrador consulta su propio acceso, con su propio token.");
        }

        var clientId = user.FindFirstValue(BoardsClaimTypes.ClientId);
        if (clientId is not { Length: > 0 and <= MembershipLimits.IntegratorClientId })
        {
            return;
        }

        var client = await db.IntegratorClients.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.ClientId == clientId, ct);
        if (client?.AccessFor(IssuedAt(user)) is { } access and not IntegratorAccess.Allowed)
        {
            throw new IntegratorAccessDeniedException(access);
        }
    }

    /// <summary>The token's iat; a token without a readable one cannot show that it came after a rotation.</summary>
    private static DateTimeOffset IssuedAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(BoardsClaimTypes.IssuedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
}
