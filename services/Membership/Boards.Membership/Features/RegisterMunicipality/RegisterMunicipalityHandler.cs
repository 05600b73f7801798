using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Data;
using Boards.Membership.Features.Municipalities;

namespace Boards.Membership.Features.RegisterMunicipality;

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

/// <summary>
/// Adds a district to the registry (ministry-admin), announced as MunicipalityRegistered through the outbox in the same
/// SaveChanges. A code that exists already is refused with the district that has it.
/// </summary>
public sealed class RegisterMunicipalityHandler(MembershipDbContext db, TimeProvider clock)
{
    public async Task<Municipality> HandleAsync(RegisterMunicipalityCommand command, Caller caller, CancellationToken ct)
    {
        MunicipalityRules.EnsureAdmin(caller, "agrega municipios al registro");
        var errors = new FieldErrors();
        var code = MunicipalityRules.Code(errors, command.Code, command.Name);
        var name = MunicipalityRules.Name(errors, "name", command.Name);
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

    private static MunicipalityRuleException AlreadyExists(string code, string name, string department) =>
        new(MunicipalityRuleException.Exists, $"Ya existe el municipio '{code}' ({name}, {department}).");
}
