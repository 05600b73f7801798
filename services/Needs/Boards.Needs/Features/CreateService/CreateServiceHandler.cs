using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.CreateService;

public sealed record CreateServiceCommand : OfferedServiceInput
{
    /// <summary>Lower-case slug, unique within the municipality (e.g. "tekopora").</summary>
    [MaxText(NeedsLimits.Code)]
    public string? Code { get; init; }
}

/// <summary>Adds a service to a municipality's catalog at version 1, with ServiceOfferChanged in the same SaveChanges.</summary>
public sealed class CreateServiceHandler(NeedsDbContext db, Institutions institutions, TimeProvider clock)
{
    public async Task<OfferedService> HandleAsync(string? municipalityCode, CreateServiceCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = OfferRoute.MunicipalityCode(municipalityCode);
        MunicipalityAccess.EnsureCanEdit(caller, municipality);
        var errors = new FieldErrors();
        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
        }

        var code = OfferValidator.ServiceCode(errors, command.Code);
        var offer = OfferValidator.Validate(errors, command, institutions.Contains, await db.CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        if (await db.Services.AnyAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct))
        {
            throw AlreadyExists(code!, municipality);
        }

        var service = OfferedService.Create(municipality, code!, offer!, caller.DisplayName, clock.GetUtcNow());
        db.Services.Add(service);
        db.AddToOutbox(OfferEvents.Changed(service), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // Two people added the same code at once; the other one won.
            throw AlreadyExists(code!, municipality);
        }

        return service;
    }

    private static AlreadyExistsException AlreadyExists(string code, string municipality) =>
        new($"El servicio '{code}' ya está en la oferta de '{municipality}'; para cambiarlo use PUT.");
}
