namespace Boards.Referrals.Domain;

/// <summary>
/// A referral (referencia) and its counter-referral (contrarreferencia): the closed loop of DOMAIN.md.
/// Every change goes through a method here that checks the state machine, bumps Version and appends history.
/// </summary>
public sealed class Referral
{
    private readonly List<StatusChange> _history = [];

    private Referral()
    {
    }

    public Guid Id { get; private set; }
    public required string RequestId { get; init; }
    /// <summary>
    /// Whose request id it is: the tenant that sends the referral (origin municipality and institution). Ids are unique
    /// per owner, never across, so that another tenant's id neither collides nor is revealed.
    /// </summary>
    public required string RequestOwner { get; init; }
    public required string RequestHash { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string DestinationMunicipalityCode { get; init; }
    public required string OriginInstitution { get; init; }
    public required string DestinationInstitution { get; init; }
    public required string ServiceCode { get; init; }
    public required string NeedCategory { get; init; }
    public Priority Priority { get; private init; }
    public string Reason { get; private set; } = "";
    public Person Person { get; private set; } = null!;
    public required string PersonKey { get; init; }
    public Consent Consent { get; private set; } = null!;
    public Guid? PreviousReferralId { get; private init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset AcceptBy { get; private init; }
    public DateTimeOffset? CounterReferBy { get; private set; }
    public ReferralStatus Status { get; private set; }
    public Rejection? Rejection { get; private set; }
    public Cancellation? Cancellation { get; private set; }
    public CounterReferral? CounterReferral { get; private set; }
    /// <summary>Null for referrals sent before the catalog check existed.</summary>
    public AvailabilityCheck? Availability { get; private init; }
    public long Version { get; private set; }
    public DateTimeOffset? AcceptOverdueRaisedAt { get; private set; }
    public DateTimeOffset? CounterReferralOverdueRaisedAt { get; private set; }

    /// <summary>When the loop ended (rejected, completed, failed or cancelled): the retention period counts from here.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the retention sweep removed the personal data; null while it is kept.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }
    public IReadOnlyList<StatusChange> History => _history.AsReadOnly();

    public bool IsFinal => Status is ReferralStatus.Rejected or ReferralStatus.Completed or ReferralStatus.Failed or ReferralStatus.Cancelled;

    public static Referral Create(
        NewReferral request, string personKey, string requestHash, string actor, DateTimeOffset now, DeadlinePolicy deadlines,
        AvailabilityCheck? availability = null)
    {
        if (request.Consent is { Given: false, Overridden: false })
        {
            throw new DomainValidationException("consent.given", "Se requiere el consentimiento de la persona, o una excepción justificada.");
        }

        if (request.Consent is { Given: false, Overridden: true } && string.IsNullOrWhiteSpace(request.Consent.OverrideJustification))
        {
            throw new DomainValidationException("consent.overrideJustification", "Una excepción al consentimiento necesita una justificación.");
        }

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            RequestId = request.RequestId,
            RequestOwner = request.Owner(),
            RequestHash = requestHash,
            MunicipalityCode = request.MunicipalityCode,
            DestinationMunicipalityCode = request.DestinationMunicipalityCode,
            OriginInstitution = request.OriginInstitution,
            DestinationInstitution = request.DestinationInstitution,
            ServiceCode = request.ServiceCode,
            NeedCategory = request.NeedCategory,
            Priority = request.Priority,
            Reason = request.Reason,
            Person = request.Person,
            PersonKey = personKey,
            Consent = request.Consent,
            PreviousReferralId = request.PreviousReferralId,
            CreatedBy = actor,
            CreatedAt = now,
            AcceptBy = now + deadlines.For(request.Priority).Accept,
            Status = ReferralStatus.Requested,
            Availability = availability,
        };
        referral.Record(null, ReferralStatus.Requested, actor, now,
            request.Consent.Overridden ? $"Sin consentimiento: {request.Consent.OverrideJustification}" : null);
        return referral;
    }

    public void Accept(string actor, string? note, DateTimeOffset now, DeadlinePolicy deadlines)
    {
        Require("aceptar", ReferralStatus.Requested);
        CounterReferBy = now + deadlines.For(Priority).CounterReferral;
        MoveTo(ReferralStatus.Accepted, actor, now, note);
    }

    public void Reject(RejectionReason reason, string? note, string actor, DateTimeOffset now)
    {
        Require("rechazar", ReferralStatus.Requested);
        if (reason == RejectionReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainValidationException("note", "Un rechazo por 'otro motivo' necesita una nota.");
        }

        Rejection = new Rejection(reason, note, actor, now);
        MoveTo(ReferralStatus.Rejected, actor, now, note);
    }

    public void Start(string actor, string? note, DateTimeOffset now)
    {
        Require("iniciar la atención de", ReferralStatus.Accepted);
        MoveTo(ReferralStatus.InProgress, actor, now, note);
    }

    public void Hold(string actor, string? note, DateTimeOffset now)
    {
        Require("poner en espera", ReferralStatus.InProgress);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainValidationException("note", "Poner en espera necesita una nota que diga por qué.");
        }

        if (_history.Count(change => change.To == ReferralStatus.OnHold) >= ReferralLimits.MaxHolds)
        {
            throw new HoldLimitReachedException(ReferralLimits.MaxHolds);
        }

        MoveTo(ReferralStatus.OnHold, actor, now, note);
    }

    public void Resume(string actor, string? note, DateTimeOffset now)
    {
        Require("reanudar", ReferralStatus.OnHold);
        MoveTo(ReferralStatus.InProgress, actor, now, note);
    }

    public void CounterRefer(CounterReferral counterReferral, string actor, DateTimeOffset now)
    {
        Require("contrarreferir", ReferralStatus.Accepted, ReferralStatus.InProgress);
        if (counterReferral.Attended && counterReferral.AttendedOn is null)
        {
            throw new DomainValidationException("counterReferral.attendedOn", "Indique la fecha en que la persona fue atendida.");
        }

        if (counterReferral.AttendedOn is { } attendedOn && attendedOn > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
        {
            throw new DomainValidationException("counterReferral.attendedOn", "La fecha de atención no puede ser futura.");
        }

        if (counterReferral.FollowUpRecommended && string.IsNullOrWhiteSpace(counterReferral.FollowUpNote))
        {
            throw new DomainValidationException("counterReferral.followUpNote", "Si recomienda seguimiento, describa cuál.");
        }

        CounterReferral = counterReferral with { At = now };
        MoveTo(counterReferral.ResultingStatus, actor, now, counterReferral.Notes);
    }

    public void Cancel(CancellationReason reason, string note, string actor, DateTimeOffset now)
    {
        Require("cancelar", ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.OnHold);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainValidationException("note", "Cancelar necesita una nota que explique el motivo.");
        }

        Cancellation = new Cancellation(reason, note, actor, now);
        MoveTo(ReferralStatus.Cancelled, actor, now, note);
    }

    /// <summary>The deadline that applies now: to accept while requested, to counter-refer while open after acceptance.</summary>
    public (string Kind, DateTimeOffset DueAt, DateTimeOffset WindowStart)? CurrentDeadline => Status switch
    {
        ReferralStatus.Requested => ("accept", AcceptBy, CreatedAt),
        ReferralStatus.Accepted or ReferralStatus.InProgress or ReferralStatus.OnHold when CounterReferBy is { } due =>
            ("counter_referral", due, AcceptedAt ?? CreatedAt),
        _ => null,
    };

    public DateTimeOffset? AcceptedAt => _history.FirstOrDefault(h => h.To == ReferralStatus.Accepted)?.At;

    public bool IsOverdue(DateTimeOffset now) => CurrentDeadline is { } deadline && now > deadline.DueAt;

    public bool IsDueSoon(DateTimeOffset now, DeadlinePolicy policy)
    {
        if (CurrentDeadline is not { } deadline || now > deadline.DueAt)
        {
            return false;
        }

        var window = deadline.DueAt - deadline.WindowStart;
        return deadline.DueAt - now <= window * policy.DueSoonFraction;
    }

    /// <summary>Marks the missed deadline as escalated; returns false when it was already raised (once per deadline).</summary>
    public bool MarkOverdueRaised(DateTimeOffset now)
    {
        if (!IsOverdue(now))
        {
            return false;
        }

        if (Status == ReferralStatus.Requested)
        {
            if (AcceptOverdueRaisedAt is not null)
            {
                return false;
            }

            AcceptOverdueRaisedAt = now;
            return true;
        }

        if (CounterReferralOverdueRaisedAt is not null)
        {
            return false;
        }

        CounterReferralOverdueRaisedAt = now;
        return true;
    }

    private void Require(string action, params ReferralStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new IllegalTransitionException(Status, action);
        }
    }

    private void MoveTo(ReferralStatus to, string actor, DateTimeOffset now, string? note)
    {
        var from = Status;
        Status = to;
        if (IsFinal)
        {
            ClosedAt = now;
        }

        Record(from, to, actor, now, note);
    }

    /// <summary>
    /// Removes the personal data of a closed referral: the person's names, document, phone, birth date and locality,
    /// who consented, and every free text that may describe them (reason, notes). Keeps the person key, the category,
    /// the institutions, the statuses and the dates, which the statistics need. Not a status change: no new version.
    /// </summary>
    public bool Anonymise(DateTimeOffset now)
    {
        if (!IsFinal || AnonymisedAt is not null)
        {
            return false;
        }

        Person = Person.Anonymised();
        Consent = Consent with { GivenBy = null, OverrideJustification = Consent.Overridden ? "" : null };
        Reason = "";
        Rejection = Rejection is null ? null : Rejection with { Note = null };
        Cancellation = Cancellation is null ? null : Cancellation with { Note = "" };
        CounterReferral = CounterReferral is null ? null : CounterReferral with { Notes = null, FollowUpNote = null };
        _history.ForEach(change => change.ForgetNote());
        AnonymisedAt = now;
        return true;
    }

    private void Record(ReferralStatus? from, ReferralStatus to, string actor, DateTimeOffset now, string? note)
    {
        Version++;
        _history.Add(StatusChange.Of(from, to, actor, now, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
    }
}
