namespace Boards.ServiceDays.Features.PlanServiceDay;

/// <summary>Plans a new day in a registered municipality, with services of its offer catalog (POST /api/service-days).</summary>
public sealed class PlanServiceDayHandler(ServiceDaysDbContext db, ServiceDayCatalog catalog, TimeProvider clock)
{
    public async Task<ServiceDayResult> HandleAsync(ServiceDayInput input, Caller caller, CancellationToken ct)
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

        var plan = ServiceDayValidator.Validate(errors, input, name, await catalog.ForMunicipalityAsync(municipality, ct));
        errors.ThrowIfAny();

        var day = ServiceDay.Plan(municipality, plan!, caller.DisplayName, clock.GetUtcNow());
        db.Days.Add(day);
        ServiceDayEvents.AddScheduledToOutbox(db, day, clock);
        await db.SaveChangesAsync(ct);
        return await ServiceDayResult.OfAsync(db, day, ct);
    }
}
