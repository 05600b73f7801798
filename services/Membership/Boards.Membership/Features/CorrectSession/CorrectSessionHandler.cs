using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Domain.Sessions;
using Boards.Membership.Features.Representativity;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.CorrectSession;

/// <summary>Corrections of a draft session: null leaves a part as it is.</summary>
public sealed record CorrectSessionCommand(
    [property: MaxText(MembershipLimits.Minutes)] string? Minutes,
    [property: MaxItems(MembershipLimits.Attendees), EachMaxText(MembershipLimits.Id)] IReadOnlyList<string>? Attendees,
    long ExpectedVersion);

/// <summary>
/// Corrects the minutes or the attendance of a draft session (scope as any board edit). A new attendance recomputes
/// quorum and writes SessionHeld again with the attendance-weighted assessment, in the same SaveChanges.
/// </summary>
public sealed class CorrectSessionHandler(
    BoardStore store, SessionStore sessions, TimeProvider clock, RepresentativityRecorder representativity, IOptions<BoardSessionOptions> options)
{
    public async Task<(Board Board, Session Session)> HandleAsync(
        string? municipalityCode, string? sessionId, CorrectSessionCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        var minutes = command.Minutes is null ? null : Input.OptionalText(errors, "minutes", command.Minutes, MembershipLimits.Minutes) ?? "";
        var attendees = command.Attendees is null ? null : Input.MemberIds(errors, "attendees", command.Attendees);
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var session = await sessions.LoadForChangeAsync(board, id, command.ExpectedVersion, ct);
        var now = clock.GetUtcNow();
        session.Correct(board, minutes, attendees, options.Value.Quorum, now);
        if (attendees is not null)
        {
            store.Db.AddToOutbox(SessionEvents.Held(board, session, now), clock);
            await representativity.RecordAttendanceAsync(board, session, ct);
        }

        await store.SaveAsync(ct);
        return (board, session);
    }
}
