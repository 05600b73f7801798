using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Domain.Sessions;
using Boards.Membership.Features.Representativity;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.RecordSession;

/// <summary>
/// Records a session of a board with its attendance and agreements (draft, or closed at once). Scope as any board edit
/// (focal point of the municipality or ministry-admin). The session, SessionHeld, one AgreementRecorded per agreement
/// and the attendance-weighted assessment commit in one SaveChanges.
/// </summary>
public sealed class RecordSessionHandler(
    BoardStore store, TimeProvider clock, RepresentativityRecorder representativity, IOptions<BoardSessionOptions> options)
{
    public async Task<(Board Board, Session Session)> HandleAsync(string? municipalityCode, RecordSessionCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = Input.Date(errors, "date", command.Date, "Indique la fecha de la sesión.");
        var agenda = Input.Text(errors, "agenda", command.Agenda, MembershipLimits.Agenda, "Indique el orden del día.");
        var minutes = Input.OptionalText(errors, "minutes", command.Minutes, MembershipLimits.Minutes) ?? "";
        var attendees = Input.MemberIds(errors, "attendees", command.Attendees);
        var agreements = Agreements(errors, command.Agreements ?? [], date);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var now = clock.GetUtcNow();
        var session = Session.Record(board, date, agenda, minutes, attendees, agreements, command.Close, options.Value.Quorum, caller.DisplayName, now);
        store.Db.Sessions.Add(session);
        store.Db.AddToOutbox(SessionEvents.Held(board, session, now), clock);
        foreach (var agreement in session.Agreements)
        {
            store.Db.AddToOutbox(new AgreementRecorded
            {
                MunicipalityCode = board.MunicipalityCode,
                BoardId = board.Id,
                SessionId = session.Id,
                AgreementId = agreement.Id,
                What = agreement.What,
                ResponsibleInstitution = agreement.ResponsibleInstitution,
                DueOn = agreement.DueOn,
                Status = Codes.Of(agreement.Status),
                OccurredAt = now,
            }, clock);
        }

        await representativity.RecordAttendanceAsync(board, session, ct);
        await store.SaveAsync(ct);
        return (board, session);
    }

    private static List<NewAgreement> Agreements(FieldErrors errors, IReadOnlyList<AgreementInput> list, DateOnly sessionDate)
    {
        var agreements = new List<NewAgreement>();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            var field = $"agreements[{i}]";
            if (a is null)
            {
                errors.Add(field, "Acuerdo vacío.");
                continue;
            }

            var what = Input.Text(errors, $"{field}.what", a.What, MembershipLimits.AgreementWhat, "Indique qué se acordó.");
            var institution = Input.Text(errors, $"{field}.responsibleInstitution", a.ResponsibleInstitution, MembershipLimits.Code,
                "Indique el código de la institución responsable.").ToLowerInvariant();
            var dueOn = Input.Date(errors, $"{field}.dueOn", a.DueOn, "Indique la fecha límite del acuerdo.");
            var status = a.Status ?? AgreementStatus.Pending;
            if (!Enum.IsDefined(status))
            {
                errors.Add($"{field}.status", "Estado desconocido: pending, in_progress, done o cancelled.");
            }

            if (dueOn != default && sessionDate != default && dueOn < sessionDate)
            {
                errors.Add($"{field}.dueOn", "La fecha límite no puede ser anterior a la sesión.");
            }

            agreements.Add(new NewAgreement(what, institution, dueOn, status));
        }

        return agreements;
    }
}
