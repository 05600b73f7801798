namespace Boards.Membership.Domain.Sessions;

/// <summary>draft (can still be corrected: minutes, attendance) or closed (frozen; only agreement statuses move).</summary>
public enum SessionStatus
{
    Draft = 1,
    Closed,
}

public enum AgreementStatus
{
    Pending = 1,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// How quorum is computed: strictly more than <see cref="Fraction"/> of the voting members active on the session date
/// must be present. 0.5 (the default) is a simple majority: 7 voting members need 4, 6 need 4.
/// </summary>
public sealed record QuorumRule(decimal Fraction)
{
    public static QuorumRule Majority { get; } = new(0.5m);

    /// <summary>floor(fraction × voting) + 1, and never more than the voting members (0 voting members: no quorum possible).</summary>
    public int Required(int votingMembers) =>
        votingMembers <= 0 ? 1 : Math.Min(votingMembers, (int)Math.Floor(Fraction * votingMembers) + 1);
}

/// <summary>An agreement (acuerdo) of a session: what, which institution answers for it, by when, and how it is going.</summary>
public sealed class Agreement
{
    private Agreement()
    {
    }

    public Guid Id { get; private init; }
    public Guid SessionId { get; private init; }
    public string What { get; private init; } = "";
    /// <summary>The responsible institution's code (e.g. "mds", "municipalidad").</summary>
    public string ResponsibleInstitution { get; private init; } = "";
    public DateOnly DueOn { get; private init; }
    public AgreementStatus Status { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public string StatusChangedBy { get; private set; } = "";

    internal static Agreement Create(Guid sessionId, NewAgreement input, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = sessionId,
        What = input.What,
        ResponsibleInstitution = input.ResponsibleInstitution,
        DueOn = input.DueOn,
        Status = input.Status,
        StatusChangedAt = now,
        StatusChangedBy = actor,
    };

    internal void ChangeStatus(AgreementStatus status, string actor, DateTimeOffset now)
    {
        if (status == Status)
        {
            throw new BoardRuleException("same_status", $"El acuerdo ya está en estado '{Codes.Of(status)}'.");
        }

        if (Status is AgreementStatus.Done or AgreementStatus.Cancelled)
        {
            throw new BoardRuleException("agreement_final",
                $"El acuerdo ya está '{Codes.Of(Status)}' y no cambia más; registre un nuevo acuerdo en otra sesión.");
        }

        Status = status;
        StatusChangedAt = now;
        StatusChangedBy = actor;
    }
}

public sealed record NewAgreement(string What, string ResponsibleInstitution, DateOnly DueOn, AgreementStatus Status);

/// <summary>
/// A session (sesión) of a board: date, agenda, who attended, quorum, minutes and agreements. Never deleted.
/// While draft, minutes and attendance can be corrected (quorum is recomputed); closing freezes them. Agreement
/// statuses keep moving after the session is closed (follow-up happens in later months).
/// Quorum is computed against the voting members active on the session date and stored with the session, so a later
/// roster change does not rewrite history.
/// </summary>
public sealed class Session
{
    private readonly List<Agreement> _agreements = [];

    private Session()
    {
    }

    public Guid Id { get; private init; }
    public Guid BoardId { get; private init; }
    public DateOnly Date { get; private init; }
    public string Agenda { get; private init; } = "";
    public string Minutes { get; private set; } = "";
    public SessionStatus Status { get; private set; }
    /// <summary>Membership ids of the members present (each active on <see cref="Date"/>).</summary>
    public List<Guid> Attendees { get; private set; } = [];
    public int VotingMembers { get; private set; }
    public int VotingPresent { get; private set; }
    public decimal QuorumFraction { get; private set; }
    public int QuorumRequired { get; private set; }
    public bool QuorumReached { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Agreement> Agreements => _agreements.AsReadOnly();

    public static Session Record(
        Board board, DateOnly date, string agenda, string minutes, IReadOnlyCollection<Guid> attendees,
        IReadOnlyList<NewAgreement> agreements, bool close, QuorumRule quorum, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
        {
            throw new DomainValidationException("date", "La fecha de la sesión no puede ser futura.");
        }

        if (date < board.CreatingAct.ResolutionDate)
        {
            throw new DomainValidationException("date",
                $"La sesión no puede ser anterior a la resolución que creó la mesa ({board.CreatingAct.ResolutionDate:yyyy-MM-dd}).");
        }

        var session = new Session
        {
            Id = Guid.CreateVersion7(now),
            BoardId = board.Id,
            Date = date,
            Agenda = agenda,
            Minutes = minutes,
            Status = SessionStatus.Draft,
            Version = 1,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
        };
        session.SetAttendance(board, attendees, quorum);
        foreach (var agreement in agreements)
        {
            session._agreements.Add(Agreement.Create(session.Id, agreement, actor, now));
        }

        if (close)
        {
            session.Status = SessionStatus.Closed;
        }

        return session;
    }

    /// <summary>Corrects minutes and/or attendance of a draft session; quorum is recomputed with the same rule.</summary>
    public void Correct(Board board, string? minutes, IReadOnlyCollection<Guid>? attendees, QuorumRule quorum, DateTimeOffset now)
    {
        EnsureDraft();
        if (minutes is not null)
        {
            Minutes = minutes;
        }

        if (attendees is not null)
        {
            SetAttendance(board, attendees, quorum);
        }

        Touch(now);
    }

    public void Close(DateTimeOffset now)
    {
        EnsureDraft();
        Status = SessionStatus.Closed;
        Touch(now);
    }

    public Agreement? FindAgreement(Guid agreementId) => _agreements.Find(a => a.Id == agreementId);

    /// <summary>Moves one of this session's agreements to <paramref name="status"/>; returns the status it had.</summary>
    public AgreementStatus ChangeAgreementStatus(Agreement agreement, AgreementStatus status, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var previous = agreement.Status;
        agreement.ChangeStatus(status, actor, now);
        Touch(now);
        return previous;
    }

    /// <summary>Active on the date: designated on or before it and not yet ceased (a member ceased that day no longer counts).</summary>
    public static bool ActiveOn(Member member, DateOnly date) =>
        member.DesignatedOn <= date && (member.CeasedOn is null || member.CeasedOn > date);

    private void SetAttendance(Board board, IReadOnlyCollection<Guid> attendees, QuorumRule quorum)
    {
        var present = attendees.Distinct().ToList();
        var index = 0;
        foreach (var id in present)
        {
            var member = board.FindMember(id);
            if (member is null)
            {
                throw new DomainValidationException($"attendees[{index}]", $"'{id}' no es una membresía de esta mesa.");
            }

            if (!ActiveOn(member, Date))
            {
                throw new DomainValidationException($"attendees[{index}]",
                    $"La membresía '{id}' no estaba activa el {Date:yyyy-MM-dd} (designación {member.DesignatedOn:yyyy-MM-dd}" +
                    (member.CeasedOn is { } ceased ? $", cese {ceased:yyyy-MM-dd})." : ")."));
            }

            index++;
        }

        var voting = board.Members.Where(m => m.Voting && ActiveOn(m, Date)).Select(m => m.Id).ToHashSet();
        Attendees = present;
        VotingMembers = voting.Count;
        VotingPresent = present.Count(voting.Contains);
        QuorumFraction = quorum.Fraction;
        QuorumRequired = quorum.Required(VotingMembers);
        QuorumReached = VotingMembers > 0 && VotingPresent >= QuorumRequired;
    }

    private void EnsureDraft()
    {
        if (Status != SessionStatus.Draft)
        {
            throw new BoardRuleException("session_closed", "El acta de esta sesión está cerrada: ya no se corrigen el acta ni la asistencia.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
