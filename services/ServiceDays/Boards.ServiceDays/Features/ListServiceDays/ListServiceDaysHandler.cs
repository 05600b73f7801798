namespace Boards.ServiceDays.Features.ListServiceDays;

/// <summary>Days by date (at most 500), filtered; a focal point lists their own municipality only.</summary>
public sealed class ListServiceDaysHandler(ServiceDaysDbContext db)
{
    public const int MaxDays = 500;

    public async Task<IReadOnlyList<ServiceDay>> HandleAsync(ListServiceDaysQuery query, Caller caller, CancellationToken ct)
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

        return await days.OrderBy(d => d.Date).ThenBy(d => d.MunicipalityCode).ThenBy(d => d.Id).Take(MaxDays).ToListAsync(ct);
    }
}
