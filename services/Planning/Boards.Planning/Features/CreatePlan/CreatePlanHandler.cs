using Boards.BuildingBlocks.Api.Limits;
using Boards.Planning.Domain;

namespace Boards.Planning.Features.CreatePlan;

/// <summary>Open the plan of a municipality for a year.</summary>
public sealed record CreatePlanCommand
{
    [MaxText(PlanningLimits.Code)]
    public string? MunicipalityCode { get; init; }
    public int? Year { get; init; }
    [MaxText(PlanningLimits.PlanTitle)]
    public string? Title { get; init; }
}

/// <summary>Opens the plan of a registered municipality for a year (one per municipality and year), as a draft, version 1.</summary>
public sealed class CreatePlanHandler(PlanningDbContext db, PlanCalendar calendar)
{
    private const int MinYear = 2020;

    public async Task<Plan> HandleAsync(CreatePlanCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = command.MunicipalityCode?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        if (municipality.Length == 0)
        {
            errors.Add("municipalityCode", "Indique el código del municipio.");
        }
        else
        {
            PlanAccess.EnsureCanEdit(caller, municipality);
            if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
            {
                errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
            }
        }

        var maxYear = calendar.Today.Year + 5;
        if (command.Year is not { } year || year < MinYear || year > maxYear)
        {
            errors.Add("year", $"Indique el año del plan, entre {MinYear} y {maxYear}.");
        }

        var title = command.Title?.Trim();
        if (title?.Length > PlanningLimits.PlanTitle)
        {
            errors.Add("title", $"El título tiene hasta {PlanningLimits.PlanTitle} caracteres.");
        }

        errors.ThrowIfAny();
        if (await db.Plans.AnyAsync(p => p.MunicipalityCode == municipality && p.Year == command.Year, ct))
        {
            throw Taken(municipality, command.Year!.Value);
        }

        var plan = Plan.Open(municipality, command.Year!.Value, title, caller.DisplayName, calendar.Now);
        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            throw Taken(municipality, plan.Year);
        }

        return plan;
    }

    private static AlreadyExistsException Taken(string municipality, int year) =>
        new($"'{municipality}' ya tiene un plan de acción territorial para {year}: edítelo o enmiéndelo.");
}
