using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Data;
using Boards.Membership.Features.Municipalities;

namespace Boards.Membership.Features.CorrectMunicipality;

/// <summary>A correction of a district an administrator added. The context has its own endpoint (it re-assesses the board).</summary>
public sealed record CorrectMunicipalityCommand
{
    [MaxText(MembershipLimits.Name)]
    public string? Name { get; init; }
    [MaxText(MembershipLimits.Department)]
    public string? Department { get; init; }
    public int? DepartmentNumber { get; init; }
    [MaxText(MembershipLimits.MunicipalityStatus)]
    public string? Status { get; init; }
}

/// <summary>
/// Corrects a district an administrator added (ministry-admin); a change is announced again as MunicipalityRegistered
/// in the same SaveChanges. Districts of the shipped list are corrected in that file instead.
/// </summary>
public sealed class CorrectMunicipalityHandler(MembershipDbContext db, ShippedMunicipalities shipped, TimeProvider clock)
{
    public async Task<Municipality> HandleAsync(string? code, CorrectMunicipalityCommand command, Caller caller, CancellationToken ct)
    {
        MunicipalityRules.EnsureAdmin(caller, "corrige el registro de municipios");
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        var name = MunicipalityRules.Name(errors, "name", command.Name);
        var (number, department) = MunicipalityRules.Department(errors, command.DepartmentNumber, command.Department);
        var status = MunicipalityRules.Status(errors, command.Status, clock.GetUtcNow().Year);
        errors.ThrowIfAny();

        if (shipped.Contains(normalized))
        {
            // The seeder re-applies the shipped list at every start, so a correction here would silently come undone.
            throw new MunicipalityRuleException(MunicipalityRuleException.ShippedList,
                $"'{normalized}' viene de la lista oficial (data/reference/municipalities.csv), que se vuelve a aplicar en cada inicio: " +
                "corríjalo en ese archivo.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two corrections of one district are serialized, so the later one is also the later announcement.
        var municipality = await db.Municipalities
                               .FromSql($"SELECT * FROM municipalities WHERE \"Code\" = {normalized} FOR UPDATE")
                               .FirstOrDefaultAsync(ct)
                           ?? throw new NotFoundException($"No existe el municipio '{normalized}'.");
        if (municipality.UpdateRegistration(name, department, number, status))
        {
            db.AddToOutbox(MunicipalityRules.Registered(municipality, clock.GetUtcNow()), clock);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return municipality;
    }
}
