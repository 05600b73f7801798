using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.CloseSession;

public sealed record CloseSessionCommand(long ExpectedVersion);

/// <summary>Closes the minutes of a draft session: minutes and attendance are frozen from then on (scope as any board edit).</summary>
public sealed class CloseSessionHandler(BoardStore store, SessionStore sessions, TimeProvider clock)
{
    public async Task<(Board Board, Session Session)> HandleAsync(
        string? municipalityCode, string? sessionId, CloseSessionCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var session = await sessions.LoadForChangeAsync(board, id, command.ExpectedVersion, ct);
        session.Close(clock.GetUtcNow());
        await store.SaveAsync(ct);
        return (board, session);
    }
}
