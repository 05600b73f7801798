using Boards.Membership.Data;
using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.Common;

/// <summary>Loads a board's session with its agreements for a change, checking the version the caller saw.</summary>
public sealed class SessionStore(MembershipDbContext db)
{
    public async Task<Session> LoadForChangeAsync(Board board, Guid id, long expectedVersion, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.Agreements).FirstOrDefaultAsync(s => s.BoardId == board.Id && s.Id == id, ct)
                      ?? throw NotFound(board, id);
        if (expectedVersion != 0 && expectedVersion != session.Version)
        {
            throw new ConcurrencyConflictException(
                $"La sesión cambió mientras tanto: su versión es {session.Version}, no {expectedVersion}. Vuelva a cargarla.");
        }

        return session;
    }

    public static NotFoundException NotFound(Board board, Guid id) => new($"La mesa de '{board.MunicipalityCode}' no tiene la sesión '{id}'.");
}
