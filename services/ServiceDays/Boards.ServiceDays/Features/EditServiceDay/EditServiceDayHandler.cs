namespace Boards.ServiceDays.Features.EditServiceDay;

/// <summary>Replaces every field and the services of a planned day (PUT /api/service-days/{id}).</summary>
public sealed class EditServiceDayHandler(ServiceDaysDbContext db, ServiceDayCatalog catalog, TimeProvider clock)
{
    public async Task<ServiceDayResult> HandleAsync(Guid id, ServiceDayInput input, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadManagedAsync(db, id, caller, ct);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(input.MunicipalityCode) && input.MunicipalityCode.Trim().ToLowerInvariant() != day.MunicipalityCode)
        {
            errors.Add("municipalityCode", "El municipio de una jornada no cambia: cancele esta y planifique otra.");
        }

        var name = await db.Municipalities.Where(m => m.Code == day.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? day.MunicipalityCode;
        var plan = ServiceDayValidator.Validate(errors, input, name, await catalog.ForMunicipalityAsync(day.MunicipalityCode, ct));
        errors.ThrowIfAny();

        day.Edit(plan!, input.ExpectedVersion, caller.DisplayName, clock.GetUtcNow());
        ServiceDayEvents.AddScheduledToOutbox(db, day, clock);
        await ServiceDayStore.SaveAsync(db, ct);
        return await ServiceDayResult.OfAsync(db, day, ct);
    }
}
