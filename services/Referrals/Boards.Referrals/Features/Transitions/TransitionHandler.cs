using System.Globalization;
using Boards.BuildingBlocks.Outbox;
using Boards.Referrals.Features.ReadAudit;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.Transitions;

/// <summary>
/// Every move of the state machine after creation: load, check scope and side, check the expected version, let the
/// domain apply the rule, and save the change with its event in one transaction.
/// </summary>
public sealed class TransitionHandler(
    ReferralsDbContext db, IOptions<ReferralsOptions> options, ReadAuditTrail audit, TimeProvider clock)
{
    public Task<Referral> AcceptAsync(string? id, NoteCommand command, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, command.ExpectedVersion, caller, Side.Destination, (r, now) => r.Accept(caller.DisplayName, command.Note, now, options.Value.Deadlines), ct);

    public Task<Referral> StartAsync(string? id, NoteCommand command, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, command.ExpectedVersion, caller, Side.Destination, (r, now) => r.Start(caller.DisplayName, command.Note, now), ct);

    public Task<Referral> HoldAsync(string? id, NoteCommand command, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, command.ExpectedVersion, caller, Side.Destination, (r, now) => r.Hold(caller.DisplayName, command.Note, now), ct);

    public Task<Referral> ResumeAsync(string? id, NoteCommand command, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, command.ExpectedVersion, caller, Side.Destination, (r, now) => r.Resume(caller.DisplayName, command.Note, now), ct);

    public Task<Referral> RejectAsync(string? id, RejectCommand command, Caller caller, CancellationToken ct)
    {
        if (command.Reason is null || !Enum.IsDefined(command.Reason.Value))
        {
            throw Invalid("reason", "Indique el motivo del rechazo.");
        }

        return ChangeAsync(id, command.ExpectedVersion, caller, Side.Destination,
            (r, now) => r.Reject(command.Reason.Value, command.Note, caller.DisplayName, now), ct);
    }

    public Task<Referral> CancelAsync(string? id, CancelCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (command.Reason is null || !Enum.IsDefined(command.Reason.Value))
        {
            errors.Add("reason", "Indique el motivo de la cancelación.");
        }

        if (string.IsNullOrWhiteSpace(command.Note))
        {
            errors.Add("note", "Cancelar necesita una nota que explique el motivo.");
        }

        errors.ThrowIfAny();
        return ChangeAsync(id, command.ExpectedVersion, caller, Side.Either,
            (r, now) => r.Cancel(command.Reason!.Value, command.Note!, caller.DisplayName, now), ct);
    }

    public Task<Referral> CounterReferAsync(string? id, CounterReferCommand command, Caller caller, CancellationToken ct)
    {
        var counterReferral = ValidateCounterReferral(command.CounterReferral, caller);
        return ChangeAsync(id, command.ExpectedVersion, caller, Side.Destination, (r, now) => r.CounterRefer(counterReferral, caller.DisplayName, now), ct);
    }

    private async Task<Referral> ChangeAsync(string? id, long expectedVersion, Caller caller, Side side, Action<Referral, DateTimeOffset> change, CancellationToken ct)
    {
        var referralId = ReferralIds.Parse(id);
        if (expectedVersion < 0)
        {
            throw Invalid("expectedVersion", "La versión esperada no puede ser negativa.");
        }

        var referral = await ReadableReferral.LoadAsync(db, referralId, caller, tracking: true, ct);
        EnsureMayChange(referral, caller, side);

        if (expectedVersion != 0 && expectedVersion != referral.Version)
        {
            throw new ConcurrencyConflictException(
                $"La referencia cambió mientras tanto: su versión es {referral.Version}, no {expectedVersion}. Vuelva a cargarla.");
        }

        var now = clock.GetUtcNow();
        change(referral, now);
        db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, now), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Otra persona modificó la referencia al mismo tiempo. Vuelva a cargarla.");
        }

        // The reply carries the person's data: it is a read too.
        await audit.RecordAsync([referral], ReadAuditTrail.Reply, caller, null, ct);
        return referral;
    }

    private static void EnsureMayChange(Referral referral, Caller caller, Side side)
    {
        var allowed = side switch
        {
            Side.Origin => ReferralAccess.CanActAsOrigin(caller, referral),
            Side.Destination => ReferralAccess.CanActAsDestination(caller, referral),
            _ => ReferralAccess.CanActAsOrigin(caller, referral) || ReferralAccess.CanActAsDestination(caller, referral),
        };
        if (!allowed)
        {
            throw new ForbiddenException(caller.IsMinistry
                ? "El ministerio consulta las referencias pero no las modifica."
                : side == Side.Destination
                    ? $"Solo la institución de destino '{referral.DestinationInstitution}' o el punto focal de '{referral.DestinationMunicipalityCode}' pueden hacer esto."
                    : "Solo las partes de origen o de destino pueden hacer esto.");
        }
    }

    private CounterReferral ValidateCounterReferral(CounterReferralInput? input, Caller caller)
    {
        var errors = new FieldErrors();
        if (input is null)
        {
            errors.Add("counterReferral", "Indique la contrarreferencia.");
            errors.ThrowIfAny();
        }

        if (input!.Outcome is null || !Enum.IsDefined(input.Outcome.Value))
        {
            errors.Add("counterReferral.outcome", "Indique el resultado de la atención.");
        }

        DateOnly? attendedOn = null;
        if (!string.IsNullOrWhiteSpace(input.AttendedOn))
        {
            if (DateOnly.TryParseExact(input.AttendedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                attendedOn = parsed;
            }
            else
            {
                errors.Add("counterReferral.attendedOn", "La fecha de atención debe tener el formato AAAA-MM-DD.");
            }
        }

        var services = (input.ServicesDelivered ?? []).Select(s => s?.Trim().ToLowerInvariant() ?? "").ToList();
        if (services.Any(s => s.Length is 0 or > 64))
        {
            errors.Add("counterReferral.servicesDelivered", "Cada servicio entregado debe ser un código de 1 a 64 caracteres.");
        }

        if (input.Notes?.Length > 4000)
        {
            errors.Add("counterReferral.notes", "Admite como máximo 4000 caracteres.");
        }

        errors.ThrowIfAny();
        return new CounterReferral
        {
            Attended = input.Attended,
            AttendedOn = attendedOn,
            ServicesDelivered = services.Distinct().ToList(),
            Outcome = input.Outcome!.Value,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            FollowUpRecommended = input.FollowUpRecommended,
            FollowUpNote = string.IsNullOrWhiteSpace(input.FollowUpNote) ? null : input.FollowUpNote.Trim(),
            AnsweredBy = string.IsNullOrWhiteSpace(input.AnsweredBy) ? caller.DisplayName : input.AnsweredBy.Trim(),
        };
    }

    private static ValidationFailedException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
