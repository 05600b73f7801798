using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.GetSession;

/// <summary>One session of a board with its agreements, with the same scope as the board.</summary>
public sealed class GetSessionHandler(BoardStore store)
{
    public async Task<(Board Board, Session Session)> HandleAsync(string? municipalityCode, string? sessionId, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        errors.ThrowIfAny();
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        var session = await store.Db.Sessions.AsNoTracking().Include(s => s.Agreements)
                          .FirstOrDefaultAsync(s => s.BoardId == board.Id && s.Id == id, ct)
                      ?? throw SessionStore.NotFound(board, id);
        return (board, session);
    }
}
