using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Data;
using Boards.Membership.Domain;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Membership.Features.Municipalities;

/// <summary>Everything optional, so that validation names every missing field instead of the serializer failing on the first.</summary>
public sealed record RegisterMunicipalityCommand
{
    [MaxText(MembershipLimits.Code)]
    public string? Code { get; init; }
    /// <summary>The district's name as written officially ("Juan Emilio O'Leary").</summary>
    [MaxText(MembershipLimits.Name)]
    public string? Name { get; init; }
    /// <summary>Optional: the name of departmentNumber's department; when sent, it must be that one.</summary>
    [MaxText(MembershipLimits.Department)]
    public string? Department { get; init; }
    public int? DepartmentNumber { get; init; }
    [MaxText(MembershipLimits.MunicipalityStatus)]
    public string? Status { get; init; }
    public int? RuralLocalities { get; init; }
    public bool? HasIndigenousCommunities { get; init; }
}

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

/// <summary>The list shape Referrals served before the registry moved here; clients depend on it.</summary>
public sealed record MunicipalityView(string Code, string Name, string Department);

public sealed record MunicipalityDetailView(
    string Code, string Name, string Department, int DepartmentNumber, string Status, int? RuralLocalities, bool? HasIndigenousCommunities)
{
    public static MunicipalityDetailView From(Municipality m) =>
        new(m.Code, m.Name, m.Department, m.DepartmentNumber, m.Status, m.RuralLocalities, m.HasIndigenousCommunities);
}

/// <summary>
/// The municipality registry of record. Anyone signed in reads it; ministry-admin adds districts and corrects the ones
/// it added. Every change writes MunicipalityRegistered to the outbox in the same SaveChanges.
/// </summary>
public sealed class MunicipalityRegistry(MembershipDbContext db, ShippedMunicipalities shipped, TimeProvider clock)
{
    public async Task<IReadOnlyList<MunicipalityView>> ListAsync(CancellationToken ct) =>
        await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.DepartmentNumber).ThenBy(m => m.Name).ThenBy(m => m.Code)
            .Select(m => new MunicipalityView(m.Code, m.Name, m.Department))
            .ToListAsync(ct);

    public async Task<Municipality> GetAsync(string? code, CancellationToken ct)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        if (normalized.Length == 0)
        {
            throw ValidationFailedException.For("code", "Indique el código del municipio.");
        }

        return await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == normalized, ct)
               ?? throw new NotFoundException($"No existe el municipio '{normalized}'.");
    }

    public async Task<Municipality> RegisterAsync(RegisterMunicipalityCommand command, Caller caller, CancellationToken ct)
    {
        EnsureAdmin(caller, "agrega municipios al registro");
        var errors = new FieldErrors();
        var code = MunicipalityRules.Code(errors, command.Code, command.Name);
        var name = Text(errors, "name", command.Name);
        var (number, department) = MunicipalityRules.Department(errors, command.DepartmentNumber, command.Department);
        var status = MunicipalityRules.Status(errors, command.Status, clock.GetUtcNow().Year);
        if (command.RuralLocalities is < 0 or > 10_000)
        {
            errors.Add("ruralLocalities", "La cantidad de localidades rurales debe estar entre 0 y 10000.");
        }

        errors.ThrowIfAny();

        if (await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, ct) is { } existing)
        {
            throw AlreadyExists(existing.Code, existing.Name, existing.Department);
        }

        var now = clock.GetUtcNow();
        var hasContext = command.RuralLocalities is not null || command.HasIndigenousCommunities is not null;
        var municipality = new Municipality
        {
            Code = code,
            Name = name,
            Department = department,
            DepartmentNumber = number,
            Status = status,
            RuralLocalities = command.RuralLocalities,
            HasIndigenousCommunities = command.HasIndigenousCommunities,
            ContextUpdatedAt = hasContext ? now : null,
            ContextUpdatedBy = hasContext ? caller.DisplayName : null,
        };
        db.Municipalities.Add(municipality);
        db.AddToOutbox(MunicipalityRules.Registered(municipality, now), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // Two administrators added the same code at once; the other one won.
            throw AlreadyExists(code, name, department);
        }

        return municipality;
    }

    public async Task<Municipality> CorrectAsync(string? code, CorrectMunicipalityCommand command, Caller caller, CancellationToken ct)
    {
        EnsureAdmin(caller, "corrige el registro de municipios");
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        var name = Text(errors, "name", command.Name);
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

    private static void EnsureAdmin(Caller caller, string what)
    {
        if (!caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            throw new ForbiddenException($"Solo la administración del ministerio (ministry-admin) {what}.");
        }
    }

    private static string Text(FieldErrors errors, string field, string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, "Indique el nombre del distrito.");
        }
        else if (trimmed.Length > MunicipalityRules.MaxNameLength)
        {
            errors.Add(field, $"Admite como máximo {MunicipalityRules.MaxNameLength} caracteres.");
        }

        return trimmed;
    }

    private static MunicipalityRuleException AlreadyExists(string code, string name, string department) =>
        new(MunicipalityRuleException.Exists, $"Ya existe el municipio '{code}' ({name}, {department}).");
}
