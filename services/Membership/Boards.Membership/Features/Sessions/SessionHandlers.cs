using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Data;
using Boards.Membership.Domain;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Domain.Sessions;
using Boards.Membership.Features.Common;
using Boards.Membership.Features.Representativity;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.Sessions;

/// <summary>Configuration section "Membership": QuorumFraction (default 0.5: strictly more than half of the voting members).</summary>
public sealed class BoardSessionOptions
{
    public decimal QuorumFraction { get; set; } = 0.5m;

    public QuorumRule Quorum => QuorumFraction is > 0m and < 1m
        ? new QuorumRule(QuorumFraction)
        : throw new InvalidOperationException($"Membership:QuorumFraction must be between 0 and 1 (exclusive), not {QuorumFraction}.");
}

public sealed record AgreementInput(
    [property: MaxText(MembershipLimits.AgreementWhat)] string? What,
    [property: MaxText(MembershipLimits.Code)] string? ResponsibleInstitution,
    [property: MaxText(MembershipLimits.Date)] string? DueOn,
    AgreementStatus? Status);

public sealed record RecordSessionCommand
{
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(MembershipLimits.Date)]
    public string? Date { get; init; }
    [MaxText(MembershipLimits.Agenda)]
    public string? Agenda { get; init; }
    [MaxText(MembershipLimits.Minutes)]
    public string? Minutes { get; init; }
    /// <summary>Membership ids of the members present.</summary>
    [MaxItems(MembershipLimits.Attendees), EachMaxText(MembershipLimits.Id)]
    public IReadOnlyList<string>? Attendees { get; init; }
    [MaxItems(MembershipLimits.Agreements)]
    public IReadOnlyList<AgreementInput>? Agreements { get; init; }
    /// <summary>true records the session already closed (frozen); default false: draft.</summary>
    public bool Close { get; init; }
}

/// <summary>Corrections of a draft session: null leaves a part as it is.</summary>
public sealed record CorrectSessionCommand(
    [property: MaxText(MembershipLimits.Minutes)] string? Minutes,
    [property: MaxItems(MembershipLimits.Attendees), EachMaxText(MembershipLimits.Id)] IReadOnlyList<string>? Attendees,
    long ExpectedVersion);

public sealed record CloseSessionCommand(long ExpectedVersion);

public sealed record ChangeAgreementStatusCommand(AgreementStatus? Status, long ExpectedVersion);

/// <summary>
/// Records, corrects and closes sessions and moves agreement statuses. Scope as any board edit (focal point of the
/// municipality or ministry-admin). Every change commits in one SaveChanges with its events (SessionHeld,
/// AgreementRecorded, AgreementStatusChanged) and, when attendance changes, the attendance-weighted assessment.
/// </summary>
public sealed class SessionHandlers(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity, IOptions<BoardSessionOptions> options)
{
    private MembershipDbContext Db => store.Db;

    public async Task<(Board Board, Session Session)> RecordAsync(string? municipalityCode, RecordSessionCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = Input.Date(errors, "date", command.Date, "Indique la fecha de la sesión.");
        var agenda = Input.Text(errors, "agenda", command.Agenda, MembershipLimits.Agenda, "Indique el orden del día.");
        var minutes = Input.OptionalText(errors, "minutes", command.Minutes, MembershipLimits.Minutes) ?? "";
        var attendees = Ids(errors, "attendees", command.Attendees);
        var agreements = new List<NewAgreement>();
        var list = command.Agreements ?? [];
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

            if (dueOn != default && date != default && dueOn < date)
            {
                errors.Add($"{field}.dueOn", "La fecha límite no puede ser anterior a la sesión.");
            }

            agreements.Add(new NewAgreement(what, institution, dueOn, status));
        }

        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var now = clock.GetUtcNow();
        var session = Session.Record(board, date, agenda, minutes, attendees, agreements, command.Close, options.Value.Quorum, caller.DisplayName, now);
        Db.Sessions.Add(session);
        Db.AddToOutbox(Held(board, session, now), clock);
        foreach (var agreement in session.Agreements)
        {
            Db.AddToOutbox(new AgreementRecorded
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

        await RecordAttendanceAsync(board, session, ct);
        await store.SaveAsync(ct);
        return (board, session);
    }

    public async Task<(Board Board, Session Session)> CorrectAsync(
        string? municipalityCode, string? sessionId, CorrectSessionCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        var minutes = command.Minutes is null ? null : Input.OptionalText(errors, "minutes", command.Minutes, MembershipLimits.Minutes) ?? "";
        var attendees = command.Attendees is null ? null : Ids(errors, "attendees", command.Attendees);
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var session = await LoadAsync(board, id, command.ExpectedVersion, ct);
        var now = clock.GetUtcNow();
        session.Correct(board, minutes, attendees, options.Value.Quorum, now);
        if (attendees is not null)
        {
            Db.AddToOutbox(Held(board, session, now), clock);
            await RecordAttendanceAsync(board, session, ct);
        }

        await store.SaveAsync(ct);
        return (board, session);
    }

    public async Task<(Board Board, Session Session)> CloseAsync(
        string? municipalityCode, string? sessionId, CloseSessionCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var session = await LoadAsync(board, id, command.ExpectedVersion, ct);
        session.Close(clock.GetUtcNow());
        await store.SaveAsync(ct);
        return (board, session);
    }

    public async Task<(Board Board, Session Session, Agreement Agreement)> ChangeAgreementStatusAsync(
        string? municipalityCode, string? sessionId, string? agreementId, ChangeAgreementStatusCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        var agreementGuid = Input.Id(errors, "agreementId", agreementId, "el acuerdo");
        var status = Input.Enum(errors, "status", command.Status, "Indique el estado: pending, in_progress, done o cancelled.");
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();

        var board = await store.LoadForChangeAsync(municipalityCode, 0, caller, ct);
        var session = await LoadAsync(board, id, command.ExpectedVersion, ct);
        var agreement = session.FindAgreement(agreementGuid)
                        ?? throw new NotFoundException($"La sesión '{session.Id}' no tiene el acuerdo '{agreementGuid}'.");
        var previous = agreement.Status;
        var now = clock.GetUtcNow();
        session.ChangeAgreementStatus(agreement, status, caller.DisplayName, now);
        Db.AddToOutbox(new AgreementStatusChanged
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

    public async Task<(Board Board, Session Session)> GetAsync(string? municipalityCode, string? sessionId, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Input.Id(errors, "sessionId", sessionId, "la sesión");
        errors.ThrowIfAny();
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        var session = await Db.Sessions.AsNoTracking().Include(s => s.Agreements)
                          .FirstOrDefaultAsync(s => s.BoardId == board.Id && s.Id == id, ct)
                      ?? throw NotFound(board, id);
        return (board, session);
    }

    /// <summary>The board's sessions, newest first (by date, then by recording order).</summary>
    public async Task<(Board Board, IReadOnlyList<Session> Sessions)> ListAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        var sessions = await Db.Sessions.AsNoTracking().Include(s => s.Agreements).AsSplitQuery()
            .Where(s => s.BoardId == board.Id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .ToListAsync(ct);
        return (board, sessions);
    }

    private async Task<Session> LoadAsync(Board board, Guid id, long expectedVersion, CancellationToken ct)
    {
        var session = await Db.Sessions.Include(s => s.Agreements).FirstOrDefaultAsync(s => s.BoardId == board.Id && s.Id == id, ct)
                      ?? throw NotFound(board, id);
        if (expectedVersion != 0 && expectedVersion != session.Version)
        {
            throw new ConcurrencyConflictException(
                $"La sesión cambió mientras tanto: su versión es {session.Version}, no {expectedVersion}. Vuelva a cargarla.");
        }

        return session;
    }

    /// <summary>The attendance-weighted assessment over the last N sessions (this one included, whether saved or not).</summary>
    private async Task RecordAttendanceAsync(Board board, Session current, CancellationToken ct)
    {
        var policy = await representativity.CurrentPolicyAsync(ct);
        var others = await Db.Sessions.AsNoTracking()
            .Where(s => s.BoardId == board.Id && s.Id != current.Id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Take(policy.AttendanceWindowSessions)
            .Select(s => new { s.Date, s.Attendees })
            .ToListAsync(ct);
        var sessions = others.Select(s => new SessionAttendance(s.Date, s.Attendees.ToHashSet()))
            .Append(new SessionAttendance(current.Date, current.Attendees.ToHashSet()))
            .ToList();
        await representativity.RecordAttendanceAsync(board, sessions, ct);
    }

    private static SessionHeld Held(Board board, Session session, DateTimeOffset now) => new()
    {
        MunicipalityCode = board.MunicipalityCode,
        BoardId = board.Id,
        SessionId = session.Id,
        SessionVersion = session.Version,
        Date = session.Date,
        QuorumReached = session.QuorumReached,
        AttendeesCount = session.Attendees.Count,
        VotingMembersCount = session.VotingMembers,
        VotingPresentCount = session.VotingPresent,
        OccurredAt = now,
    };

    private static List<Guid> Ids(FieldErrors errors, string field, IReadOnlyList<string>? values)
    {
        var ids = new List<Guid>();
        var list = values ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var id = Input.Id(errors, $"{field}[{i}]", list[i], "la membresía");
            if (id != Guid.Empty)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static NotFoundException NotFound(Board board, Guid id) => new($"La mesa de '{board.MunicipalityCode}' no tiene la sesión '{id}'.");
}

public sealed record AgreementView(
    Guid Id, string What, string ResponsibleInstitution, DateOnly DueOn, AgreementStatus Status, DateTimeOffset StatusChangedAt)
{
    public static AgreementView From(Agreement a) => new(a.Id, a.What, a.ResponsibleInstitution, a.DueOn, a.Status, a.StatusChangedAt);
}

/// <summary>A session as the portal reads it; attendees carry ids (names are read from the roster).</summary>
public sealed record SessionView(
    Guid Id,
    string MunicipalityCode,
    DateOnly Date,
    string Agenda,
    string Minutes,
    SessionStatus Status,
    IReadOnlyList<Guid> Attendees,
    int VotingMembers,
    int VotingPresent,
    decimal QuorumFraction,
    int QuorumRequired,
    bool QuorumReached,
    IReadOnlyList<AgreementView> Agreements,
    long Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt)
{
    public static SessionView From(Session s, Board board) => new(
        s.Id, board.MunicipalityCode, s.Date, s.Agenda, s.Minutes, s.Status, s.Attendees, s.VotingMembers, s.VotingPresent,
        s.QuorumFraction, s.QuorumRequired, s.QuorumReached, s.Agreements.OrderBy(a => a.Id).Select(AgreementView.From).ToList(),
        s.Version, s.CreatedAt, s.CreatedBy, s.UpdatedAt);
}
