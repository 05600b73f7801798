using Boards.BuildingBlocks.Errors;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Domain;
using Boards.ServiceDays.Features.Catalog;
using Boards.ServiceDays.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.ServiceDays.Features.Days;

/// <summary>Plan, change, confirm, hold and cancel service days; list and read them. Scope: <see cref="ServiceDayAccess"/>.</summary>
public sealed class ServiceDayPlanner(ServiceDaysDbContext db, ServiceDayCatalog catalog, TimeProvider clock)
{
    public async Task<IReadOnlyList<ServiceDay>> ListAsync(ListQuery query, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var municipality = string.IsNullOrWhiteSpace(query.Municipality) ? null : query.Municipality.Trim().ToLowerInvariant();
        ServiceDayStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (ServiceDayLifecycle.Codes.TryGetValue(query.Status.Trim().ToLowerInvariant(), out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", "El estado debe ser planned, confirmed, held, reported o cancelled.");
            }
        }

        var from = ServiceDayValidator.Date(errors, "from", query.From, required: false);
        var to = ServiceDayValidator.Date(errors, "to", query.To, required: false);
        errors.ThrowIfAny();

        if (!ServiceDayAccess.ReadsAll(caller))
        {
            // A focal point lists their own municipality, named or not.
            municipality ??= caller.Municipality ?? "";
            ServiceDayAccess.EnsureCanRead(caller, municipality);
        }

        var days = db.Days.AsNoTracking().Include(d => d.Services).AsQueryable();
        if (municipality is not null)
        {
            days = days.Where(d => d.MunicipalityCode == municipality);
        }

        if (status is { } wanted)
        {
            days = days.Where(d => d.Status == wanted);
        }

        if (from is { } first)
        {
            days = days.Where(d => d.Date >= first);
        }

        if (to is { } last)
        {
            days = days.Where(d => d.Date <= last);
        }

        return await days.OrderBy(d => d.Date).ThenBy(d => d.MunicipalityCode).ThenBy(d => d.Id).Take(500).ToListAsync(ct);
    }

    public async Task<ServiceDay> GetAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var day = await LoadAsync(db, id, tracking: false, ct);
        ServiceDayAccess.EnsureCanRead(caller, day.MunicipalityCode);
        return day;
    }

    public async Task<ServiceDay> CreateAsync(ServiceDayInput input, Caller caller, CancellationToken ct)
    {
        var municipality = input.MunicipalityCode?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        var name = municipality;
        if (municipality.Length == 0)
        {
            errors.Add("municipalityCode", "Indique el código del municipio.");
        }
        else
        {
            ServiceDayAccess.EnsureCanManage(caller, municipality);
            if (await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == municipality, ct) is { } known)
            {
                name = known.Name;
            }
            else
            {
                errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
            }
        }

        var valid = ServiceDayValidator.Validate(errors, input, name, await catalog.ForMunicipalityAsync(municipality, ct));
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var day = new ServiceDay
        {
            MunicipalityCode = municipality,
            Locality = "",
            Venue = "",
            Status = ServiceDayStatus.Planned,
            CreatedAt = now,
            CreatedBy = caller.DisplayName,
            UpdatedAt = now,
            UpdatedBy = caller.DisplayName,
        };
        Apply(day, valid!);
        db.Days.Add(day);
        await db.SaveChangesAsync(ct);
        return day;
    }

    public async Task<ServiceDay> UpdateAsync(Guid id, ServiceDayInput input, Caller caller, CancellationToken ct)
    {
        var day = await ManagedAsync(id, caller, ct);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(input.MunicipalityCode) && input.MunicipalityCode.Trim().ToLowerInvariant() != day.MunicipalityCode)
        {
            errors.Add("municipalityCode", "El municipio de una jornada no cambia: cancele esta y planifique otra.");
        }

        var name = await db.Municipalities.Where(m => m.Code == day.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? day.MunicipalityCode;
        var valid = ServiceDayValidator.Validate(errors, input, name, await catalog.ForMunicipalityAsync(day.MunicipalityCode, ct));
        errors.ThrowIfAny();

        EnsureVersion(day, input.ExpectedVersion);
        if (!ServiceDayLifecycle.CanEdit(day.Status))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, day.Status.Code(),
                $"Solo una jornada planificada puede modificarse; esta está {day.Status.Spanish()}.");
        }

        db.DayServices.RemoveRange(day.Services);
        day.Services.Clear();
        Apply(day, valid!);
        await SaveAsync(day, caller, ct);
        return day;
    }

    public Task<ServiceDay> ConfirmAsync(Guid id, Caller caller, CancellationToken ct) =>
        MoveAsync(id, ServiceDayStatus.Confirmed, caller, (day, now) => day.ConfirmedAt = now, ct);

    public Task<ServiceDay> HoldAsync(Guid id, Caller caller, CancellationToken ct) =>
        MoveAsync(id, ServiceDayStatus.Held, caller, (day, now) => day.HeldAt = now, ct);

    public async Task<ServiceDay> CancelAsync(Guid id, CancelCommand command, Caller caller, CancellationToken ct)
    {
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > ServiceDaysLimits.CancellationReason)
        {
            // Scope first: a caller outside it learns nothing about the day from a 400.
            await ManagedAsync(id, caller, ct);
            throw ValidationFailedException.For("reason", $"Indique el motivo de la cancelación (hasta {ServiceDaysLimits.CancellationReason} caracteres).");
        }

        return await MoveAsync(id, ServiceDayStatus.Cancelled, caller, (day, now) =>
        {
            day.CancelledAt = now;
            day.CancellationReason = reason;
        }, ct);
    }

    public static async Task<ServiceDay> LoadAsync(ServiceDaysDbContext db, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Days.Include(d => d.Services);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct)
               ?? throw new NotFoundException($"No existe la jornada de servicios '{id}'.");
    }

    public static void EnsureVersion(ServiceDay day, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != day.Version)
        {
            throw new ConcurrencyConflictException(
                $"La jornada está en la versión {day.Version} y usted leyó la {expected}: vuelva a leerla e intente de nuevo.");
        }
    }

    public static void EnsureCanMove(ServiceDay day, ServiceDayStatus to)
    {
        if (!ServiceDayLifecycle.CanMove(day.Status, to))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, day.Status.Code(), ServiceDayLifecycle.Refusal(day.Status, to));
        }
    }

    private async Task<ServiceDay> MoveAsync(Guid id, ServiceDayStatus to, Caller caller, Action<ServiceDay, DateTimeOffset> stamp, CancellationToken ct)
    {
        var day = await ManagedAsync(id, caller, ct);
        EnsureCanMove(day, to);
        day.Status = to;
        stamp(day, clock.GetUtcNow());
        await SaveAsync(day, caller, ct);
        return day;
    }

    private async Task<ServiceDay> ManagedAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var day = await LoadAsync(db, id, tracking: true, ct);
        ServiceDayAccess.EnsureCanManage(caller, day.MunicipalityCode);
        return day;
    }

    private async Task SaveAsync(ServiceDay day, Caller caller, CancellationToken ct)
    {
        day.Version++;
        day.UpdatedAt = clock.GetUtcNow();
        day.UpdatedBy = caller.DisplayName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("La jornada cambió mientras tanto: vuelva a leerla e intente de nuevo.");
        }
    }

    private void Apply(ServiceDay day, ValidDay valid)
    {
        day.Locality = valid.Locality;
        day.Date = valid.Date;
        day.Venue = valid.Venue;
        day.ExpectedAttendance = valid.ExpectedAttendance;
        foreach (var service in valid.Services)
        {
            var row = new DayService { ServiceDayId = day.Id, InstitutionCode = service.InstitutionCode, ServiceCode = service.ServiceCode, ServiceName = service.Name };
            day.Services.Add(row);
            if (db.Entry(day).State != EntityState.Detached)
            {
                db.DayServices.Add(row);
            }
        }
    }
}
