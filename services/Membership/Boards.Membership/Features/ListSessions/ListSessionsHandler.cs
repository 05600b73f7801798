using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.ListSessions;

/// <summary>The board's sessions, newest first (by date, then by recording order), with the same scope as the board.</summary>
public sealed class ListSessionsHandler(BoardStore store)
{
    public async Task<(Board Board, IReadOnlyList<Session> Sessions)> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        var sessions = await store.Db.Sessions.AsNoTracking().Include(s => s.Agreements).AsSplitQuery()
            .Where(s => s.BoardId == board.Id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .ToListAsync(ct);
        return (board, sessions);
    }
}
