using System.Text.RegularExpressions;
using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;
using Boards.Needs.Domain.Categories;

namespace Boards.Needs.Features.AddCategory;

/// <summary>Everything optional, so that validation names every missing field instead of the serializer failing on the first.</summary>
public sealed record AddCategoryCommand
{
    [MaxText(NeedsLimits.Code)]
    public string? Code { get; init; }
    [MaxText(NeedsLimits.Name)]
    public string? Name { get; init; }
}

/// <summary>Adds a need category: ministry-admin only, and never renames or removes one that exists.</summary>
public sealed partial class AddCategoryHandler(NeedsDbContext db, TimeProvider clock)
{
    public const int MaxCodeLength = NeedsLimits.Code;
    public const int MaxNameLength = NeedsLimits.Name;

    public async Task<NeedCategory> HandleAsync(AddCategoryCommand command, Caller caller, CancellationToken ct)
    {
        if (!caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            throw new ForbiddenException("Solo la administración del ministerio (ministry-admin) agrega categorías de necesidad.");
        }

        var errors = new FieldErrors();
        var code = command.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add("code", "Indique el código de la categoría.");
        }
        else if (code.Length > MaxCodeLength || !CodePattern().IsMatch(code))
        {
            errors.Add("code", $"El código va en minúsculas sin acentos, con palabras unidas por '_' (por ejemplo 'transporte_rural'), de hasta {MaxCodeLength} caracteres.");
        }

        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", "Indique el nombre de la categoría.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"Admite como máximo {MaxNameLength} caracteres.");
        }

        errors.ThrowIfAny();

        if (await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) is { } existing)
        {
            throw AlreadyExists(existing.Code, existing.Name);
        }

        var category = NeedCategory.Add(code, name, caller.DisplayName, clock.GetUtcNow());
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            throw AlreadyExists(code, name);
        }

        return category;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    private static AlreadyExistsException AlreadyExists(string code, string name) =>
        new($"Ya existe la categoría '{code}' ({name}).");
}
