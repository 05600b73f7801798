namespace Boards.Membership.Domain;

/// <summary>The act that created the board: the municipal resolution's number and date.</summary>
public sealed record CreatingAct(string ResolutionNumber, DateOnly ResolutionDate);

/// <summary>The board's chair: the mayor (intendente) or the mayor's delegate.</summary>
public sealed record Chair(string Name, ChairRole Role);

/// <summary>
/// The social protection board (mesa de protección social) of one municipality, with its memberships and its focal
/// point terms. Every change goes through a method here, checks the rules and bumps Version.
/// Rules: memberships are never deleted (they end); at most one focal point term is open, and once a board has a
/// focal point it always has exactly one (a new appointment ends the previous term; the focal point's membership
/// cannot end before someone else is appointed).
/// </summary>
public sealed class Board
{
    private readonly List<Member> _members = [];
    private readonly List<FocalPointTerm> _focalPointTerms = [];

    private Board()
    {
    }

    public Guid Id { get; private init; }
    public string MunicipalityCode { get; private init; } = "";
    public CreatingAct CreatingAct { get; private set; } = new("", default);
    public Chair Chair { get; private set; } = new("", ChairRole.Mayor);
    public BoardStatus Status { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Member> Members => _members.AsReadOnly();
    public IReadOnlyList<FocalPointTerm> FocalPointTerms => _focalPointTerms.AsReadOnly();

    public IEnumerable<Member> ActiveMembers => _members.Where(m => m.IsActive);
    public FocalPointTerm? CurrentFocalPointTerm => _focalPointTerms.SingleOrDefault(t => t.IsCurrent);

    public static Board Create(string municipalityCode, CreatingAct act, Chair chair, BoardStatus status, string actor, DateTimeOffset now)
    {
        NotInFuture(act.ResolutionDate, now, "resolutionDate", "La fecha de la resolución no puede ser futura.");
        return new Board
        {
            Id = Guid.CreateVersion7(now),
            MunicipalityCode = municipalityCode,
            CreatingAct = act,
            Chair = chair,
            Status = status,
            Version = 1,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
        };
    }

    public Member? FindMember(Guid memberId) => _members.Find(m => m.Id == memberId);

    public Member AddMember(NewMember input, string actor, DateTimeOffset now)
    {
        if (input.Position == Position.FocalPoint)
        {
            throw new DomainValidationException("position",
                "El punto focal se designa con la designación de punto focal: agregue a la persona como miembro y luego desígnela.");
        }

        NotInFuture(input.DesignatedOn, now, "designatedOn", "La fecha de designación no puede ser futura.");
        if (ActiveMembers.Any(m => SamePerson(m, input)))
        {
            throw new BoardRuleException("member_already_active",
                $"'{input.PersonName}' ya es miembro activo de la mesa por '{input.Organization}'.");
        }

        var member = Member.Create(Id, input, actor, now);
        _members.Add(member);
        Touch(now);
        return member;
    }

    public void EndMembership(Member member, DateOnly ceasedOn, string? reason, DateTimeOffset now)
    {
        if (!member.IsActive)
        {
            throw new BoardRuleException("membership_ended", $"Esta membresía ya terminó el {member.CeasedOn:yyyy-MM-dd}.");
        }

        if (CurrentFocalPointTerm?.MemberId == member.Id)
        {
            throw new BoardRuleException("focal_point_required",
                "Esta persona es el punto focal vigente: designe primero a otro punto focal y luego termine su membresía.");
        }

        if (ceasedOn < member.DesignatedOn)
        {
            throw new DomainValidationException("ceasedOn", "La fecha de cese no puede ser anterior a la de designación.");
        }

        NotInFuture(ceasedOn, now, "ceasedOn", "La fecha de cese no puede ser futura.");
        member.Cease(ceasedOn, reason);
        Touch(now);
    }

    /// <summary>Appoints an active member as focal point from <paramref name="startsOn"/>; the previous term ends that day.</summary>
    public (FocalPointTerm Term, Guid? PreviousMemberId) AppointFocalPoint(
        Member member, DateOnly startsOn, string actor, DateTimeOffset now, string? account = null)
    {
        if (!member.IsActive)
        {
            throw new BoardRuleException("membership_ended", "Solo un miembro activo de la mesa puede ser punto focal.");
        }

        var current = CurrentFocalPointTerm;
        if (current?.MemberId == member.Id)
        {
            throw new BoardRuleException("already_focal_point", "Esta persona ya es el punto focal vigente.");
        }

        if (startsOn < member.DesignatedOn)
        {
            throw new DomainValidationException("startsOn", "El período no puede empezar antes de la designación del miembro en la mesa.");
        }

        if (current is not null && startsOn < current.StartsOn)
        {
            throw new DomainValidationException("startsOn",
                $"El período no puede empezar antes que el del punto focal vigente ({current.StartsOn:yyyy-MM-dd}).");
        }

        NotInFuture(startsOn, now, "startsOn", "La fecha de inicio no puede ser futura.");

        Guid? previousMemberId = null;
        if (current is not null)
        {
            current.End(startsOn);
            previousMemberId = current.MemberId;
            if (FindMember(current.MemberId) is { Position: Position.FocalPoint } previous)
            {
                previous.Position = Position.Member;
            }
        }

        member.Position = Position.FocalPoint;
        if (account is not null)
        {
            member.LinkAccount(account);
        }

        var term = FocalPointTerm.Start(Id, member.Id, startsOn, actor, now);
        _focalPointTerms.Add(term);
        Touch(now);
        return (term, previousMemberId);
    }

    /// <summary>Corrects a membership (active or ended). The focal point stays focal point: appoint someone else to change it.</summary>
    public void CorrectMember(Member member, NewMember input, string actor, DateTimeOffset now)
    {
        var isFocalPoint = CurrentFocalPointTerm?.MemberId == member.Id;
        if (isFocalPoint && input.Position != Position.FocalPoint)
        {
            throw new BoardRuleException("focal_point_required",
                "Esta persona es el punto focal vigente: designe primero a otro punto focal para cambiar su cargo.");
        }

        if (!isFocalPoint && input.Position == Position.FocalPoint)
        {
            throw new DomainValidationException("position", "El punto focal se designa con la designación de punto focal, no corrigiendo el cargo.");
        }

        NotInFuture(input.DesignatedOn, now, "designatedOn", "La fecha de designación no puede ser futura.");
        if (member.CeasedOn is { } ceasedOn && input.DesignatedOn > ceasedOn)
        {
            throw new DomainValidationException("designatedOn", $"La fecha de designación no puede ser posterior al cese ({ceasedOn:yyyy-MM-dd}).");
        }

        if (member.IsActive && ActiveMembers.Any(m => m.Id != member.Id && SamePerson(m, input)))
        {
            throw new BoardRuleException("member_already_active",
                $"'{input.PersonName}' ya es miembro activo de la mesa por '{input.Organization}'.");
        }

        member.Correct(input, actor, now);
        Touch(now);
    }

    /// <summary>Records the creating act and the chair (both replace what was recorded).</summary>
    public void UpdateDetails(CreatingAct act, Chair chair, DateTimeOffset now)
    {
        NotInFuture(act.ResolutionDate, now, "resolutionDate", "La fecha de la resolución no puede ser futura.");
        if (act == CreatingAct && chair == Chair)
        {
            throw new BoardRuleException("no_change", "No hay cambios: el acta y la presidencia ya son esos.");
        }

        CreatingAct = act;
        Chair = chair;
        Touch(now);
    }

    public void ChangeStatus(BoardStatus status, DateTimeOffset now)
    {
        if (status == Status)
        {
            throw new BoardRuleException("same_status", $"La mesa ya está en estado '{Codes.Of(status)}'.");
        }

        Status = status;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private static bool SamePerson(Member member, NewMember input) =>
        string.Equals(member.PersonName, input.PersonName, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(member.Organization, input.Organization, StringComparison.OrdinalIgnoreCase);

    /// <summary>Dates are civil dates in Paraguay; one day of slack keeps a UTC clock from refusing "today".</summary>
    private static void NotInFuture(DateOnly date, DateTimeOffset now, string field, string message)
    {
        if (date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
        {
            throw new DomainValidationException(field, message);
        }
    }
}
