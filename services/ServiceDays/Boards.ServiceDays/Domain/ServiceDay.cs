namespace Boards.ServiceDays.Domain;

/// <summary>
/// A service day (jornada de servicios): where and when, which institutions come with which services of the
/// municipality's catalog, and how many people are expected. Every change goes through a method here that checks the
/// lifecycle (<see cref="ServiceDayLifecycle"/>) and, where the caller sent one, the version it read; Version grows with
/// every change.
/// </summary>
public sealed class ServiceDay
{
    private readonly List<DayService> _services = [];

    private ServiceDay()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string MunicipalityCode { get; private init; } = "";
    public string Locality { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Venue { get; private set; } = "";
    public int ExpectedAttendance { get; private set; }
    public ServiceDayStatus Status { get; private set; }
    public int Version { get; private set; } = 1;
    public IReadOnlyList<DayService> Services => _services.AsReadOnly();

    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>The closing report's figures as published in ServiceDayHeld (0 until reported).</summary>
    public int ReportVersion { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public string? ReportedBy { get; private set; }
    public string? ReportNotes { get; private set; }
    public int ReportedPeopleServed { get; private set; }
    public int ReportedReferralsMade { get; private set; }

    public IReadOnlyList<string> Institutions => _services.Select(s => s.InstitutionCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>A new day, planned, for a known municipality with services of its catalog (checked by the caller).</summary>
    public static ServiceDay Plan(string municipalityCode, ServiceDayPlan plan, string actor, DateTimeOffset now)
    {
        var day = new ServiceDay
        {
            MunicipalityCode = municipalityCode,
            Status = ServiceDayStatus.Planned,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        day.Apply(plan);
        return day;
    }

    /// <summary>Replaces every field and the services of a planned day.</summary>
    public void Edit(ServiceDayPlan plan, int? expectedVersion, string actor, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        if (!ServiceDayLifecycle.CanEdit(Status))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, Status.Code(),
                $"Solo una jornada planificada puede modificarse; esta está {Status.Spanish()}.");
        }

        _services.Clear();
        Apply(plan);
        Touch(actor, now);
    }

    public void Confirm(string actor, DateTimeOffset now)
    {
        MoveTo(ServiceDayStatus.Confirmed, actor, now);
        ConfirmedAt = now;
    }

    /// <summary>The day took place.</summary>
    public void Hold(string actor, DateTimeOffset now)
    {
        MoveTo(ServiceDayStatus.Held, actor, now);
        HeldAt = now;
    }

    public void Cancel(string? reason, string actor, DateTimeOffset now)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length is 0 or > ServiceDaysLimits.CancellationReason)
        {
            throw ValidationFailedException.For("reason", $"Indique el motivo de la cancelación (hasta {ServiceDaysLimits.CancellationReason} caracteres).");
        }

        MoveTo(ServiceDayStatus.Cancelled, actor, now);
        CancelledAt = now;
        CancellationReason = why;
    }

    /// <summary>
    /// The closing report: held → reported, with the figures counted now frozen on the day. Again on a reported day it is
    /// a correction, and ReportVersion grows.
    /// </summary>
    public void Report(string? notes, int peopleServed, int referralsMade, int? expectedVersion, string actor, DateTimeOffset now)
    {
        var text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text?.Length > ServiceDaysLimits.ReportNotes)
        {
            throw ValidationFailedException.For("notes", $"Las notas del informe tienen hasta {ServiceDaysLimits.ReportNotes} caracteres.");
        }

        EnsureVersion(expectedVersion);
        MoveTo(ServiceDayStatus.Reported, actor, now);
        ReportVersion++;
        ReportedAt = now;
        ReportedBy = actor;
        ReportNotes = text;
        ReportedPeopleServed = peopleServed;
        ReportedReferralsMade = referralsMade;
    }

    /// <summary>
    /// A need found on the day, stored as pending with the person data needed to send it. New entries are taken while the
    /// day is confirmed or held; the request id derives from the day and the tablet's entry id, so a retry never creates a
    /// second referral.
    /// </summary>
    public ReferralEntry ReceiveReferral(string entryId, ReferralNeed need, string contentHash, string pendingPayload, string receivedBy, DateTimeOffset now)
    {
        if (!ServiceDayLifecycle.TakesAttendance(Status))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, Status.Code(),
                $"Las referencias de la jornada se registran mientras está confirmada o realizada; esta está {Status.Spanish()}.");
        }

        return new ReferralEntry
        {
            ServiceDayId = Id,
            EntryId = entryId,
            RequestId = $"sd:{Id:N}:{entryId}",
            ContentHash = contentHash,
            Status = ReferralEntryStatus.Pending,
            OriginInstitution = need.OriginInstitution,
            DestinationInstitution = need.DestinationInstitution,
            DestinationMunicipalityCode = need.DestinationMunicipalityCode,
            ServiceCode = need.ServiceCode,
            NeedCategory = need.NeedCategory,
            Priority = need.Priority,
            PendingPayload = pendingPayload,
            ReceivedAt = now,
            ReceivedBy = receivedBy,
        };
    }

    private void EnsureVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new ConcurrencyConflictException(
                $"La jornada está en la versión {Version} y usted leyó la {expected}: vuelva a leerla e intente de nuevo.");
        }
    }

    private void MoveTo(ServiceDayStatus to, string actor, DateTimeOffset now)
    {
        if (!ServiceDayLifecycle.CanMove(Status, to))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, Status.Code(), ServiceDayLifecycle.Refusal(Status, to));
        }

        Status = to;
        Touch(actor, now);
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    private void Apply(ServiceDayPlan plan)
    {
        Locality = plan.Locality;
        Date = plan.Date;
        Venue = plan.Venue;
        ExpectedAttendance = plan.ExpectedAttendance;
        _services.AddRange(plan.Services.Select(service => DayService.Offering(Id, service)));
    }
}

/// <summary>A service of the catalog that one participating institution offers on the day.</summary>
public sealed class DayService
{
    private DayService()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; private init; }
    public string InstitutionCode { get; private init; } = "";
    public string ServiceCode { get; private init; } = "";
    public string ServiceName { get; private init; } = "";

    internal static DayService Offering(Guid serviceDayId, CatalogService service) => new()
    {
        ServiceDayId = serviceDayId,
        InstitutionCode = service.InstitutionCode,
        ServiceCode = service.ServiceCode,
        ServiceName = service.Name,
    };
}
