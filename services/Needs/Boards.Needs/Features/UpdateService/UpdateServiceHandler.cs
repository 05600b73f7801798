using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Needs.Features.UpdateService;

public sealed record UpdateServiceCommand : OfferedServiceInput
{
    /// <summary>The version the caller read; a different current version is a conflict (409).</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// Replaces every field of a catalog entry (capacity status included) at the version the caller read, with
/// ServiceOfferChanged in the same SaveChanges.
/// </summary>
public sealed class UpdateServiceHandler(NeedsDbContext db, Institutions institutions, TimeProvider clock)
{
    public async Task<OfferedService> HandleAsync(
        string? municipalityCode, string? serviceCode, UpdateServiceCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = OfferRoute.MunicipalityCode(municipalityCode);
        MunicipalityAccess.EnsureCanEdit(caller, municipality);
        var code = OfferRoute.ServiceCode(serviceCode);
        var errors = new FieldErrors();
        OfferValidator.ExpectedVersion(errors, command.ExpectedVersion);
        var offer = OfferValidator.Validate(errors, command, institutions.Contains, await db.CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        var service = await db.Services.FirstOrDefaultAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct)
                      ?? throw OfferRoute.ServiceNotFound(code, municipality);
        service.Update(command.ExpectedVersion!.Value, offer!, caller.DisplayName, clock.GetUtcNow());
        await db.SaveChangeAsync(service, clock, ct);
        return service;
    }
}
