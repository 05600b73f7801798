using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.ChangeAgreementStatus;

public sealed record ChangeAgreementStatusCommand(AgreementStatus? Status, long ExpectedVersion);

/// <summary>
/// Moves an agreement of a session to another status (also after the session is closed: follow-up happens in later
/// months). Scope as any board edit; AgreementStatusChanged commits with the change.
/// </summary>
public sealed class ChangeAgreementStatusHandler(BoardStore store, SessionStore sessions, TimeProvider clock)
{
    public async Task<(Board Board, Session Session, Agreement Agreement)> HandleAsync(
        string? municipalityCode, string? sessionId, string? agreementId, ChangeAgreementStatusCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        var agreementGuid = Input.Id(errors, "agreementId", agreementId, "el acuerdo");
        var status = Input.Enum(errors, "status", command.Status, "Indique el estado: pending, in_progress, done o cancelled.");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var session = await sessions.LoadForChangeAsync(board, id, command.ExpectedVersion, ct);
        var agreement = session.FindAgreement(agreementGuid)
                        ?? throw new NotFoundException($"La sesión '{session.Id}' no tiene el acuerdo '{agreementGuid}'.");
        var now = clock.GetUtcNow();
        var previous = session.ChangeAgreementStatus(agreement, status, caller.DisplayName, now);
        store.Db.AddToOutbox(new AgreementStatusChanged
        {
            MunicipalityCode = board.MunicipalityCode,
            BoardId = board.Id,
            SessionId = session.Id,
            AgreementId = agreement.Id,
            PreviousStatus = Codes.Of(previous),
            Status = Codes.Of(status),
            OccurredAt = now,
        }, clock);
        await store.SaveAsync(ct);
        return (board, session, agreement);
    }
}
