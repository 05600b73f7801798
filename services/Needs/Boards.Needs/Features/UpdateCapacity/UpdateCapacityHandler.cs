using System.Text.Json;
using System.Text.Json.Serialization;
using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.UpdateCapacity;

/// <summary>The capacity of a service, replaced whole: what is left out becomes empty (no stated monthly places).</summary>
public sealed record UpdateCapacityCommand
{
    /// <summary>available, waitlist or full.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? CapacityStatus { get; init; }
    /// <summary>under_1_month, one_to_3_months or over_3_months: required with waitlist, refused otherwise.</summary>
    [MaxText(NeedsLimits.Choice)]
    public string? WaitlistBand { get; init; }
    /// <summary>Places per month, 0 to 1,000,000; null when not stated.</summary>
    public int? MonthlyCapacity { get; init; }
    /// <summary>The version the caller read; a different current version is a conflict (409).</summary>
    public int? ExpectedVersion { get; init; }
    /// <summary>Any other field sent (name, categories…): refused by name, since only the capacity changes here.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

/// <summary>
/// Changes only the capacity of a catalog entry at the version the caller read, with ServiceOfferChanged in the same
/// SaveChanges: the way institution officers keep their own institution's offer (<see cref="CapacityAccess"/>).
/// </summary>
public sealed class UpdateCapacityHandler(NeedsDbContext db, TimeProvider clock)
{
    /// <summary>How many unknown fields one answer names (a body of thousands of them gets the first ones).</summary>
    private const int OtherFieldsNamed = 10;

    public async Task<OfferedService> HandleAsync(
        string? municipalityCode, string? serviceCode, UpdateCapacityCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = OfferRoute.MunicipalityCode(municipalityCode);
        CapacityAccess.EnsureMayChangeIn(caller, municipality);
        var code = OfferRoute.ServiceCode(serviceCode);
        var errors = new FieldErrors();
        foreach (var field in (command.OtherFields?.Keys ?? Enumerable.Empty<string>()).Take(OtherFieldsNamed))
        {
            errors.Add(field.Length <= NeedsLimits.Code ? field : field[..NeedsLimits.Code],
                "Aquí solo se cambia la capacidad (capacityStatus, waitlistBand, monthlyCapacity, con expectedVersion); " +
                "los demás datos del servicio los cambia el punto focal del municipio o la administración del ministerio.");
        }

        OfferValidator.ExpectedVersion(errors, command.ExpectedVersion);
        var capacity = OfferValidator.Capacity(errors, command.MonthlyCapacity, command.CapacityStatus, command.WaitlistBand);
        errors.ThrowIfAny();

        var service = await db.Services.FirstOrDefaultAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct)
                      ?? throw OfferRoute.ServiceNotFound(code, municipality);
        CapacityAccess.EnsureMayChange(caller, service);
        service.ChangeCapacity(command.ExpectedVersion!.Value, capacity!, caller.DisplayName, clock.GetUtcNow());
        await db.SaveChangeAsync(service, clock, ct);
        return service;
    }
}
