using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Data;
using Boards.Needs.Domain.Offer;
using Boards.Needs.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Needs.Features.Offer;

/// <summary>
/// The offer catalog of each municipality: list, read, add and change services (<see cref="MunicipalityAccess"/> for scope),
/// and the availability question referrals ask. Every change writes ServiceOfferChanged to the outbox in the same
/// SaveChanges.
/// </summary>
public sealed class OfferCatalog(NeedsDbContext db, Institutions institutions, TimeProvider clock)
{
    public async Task<IReadOnlyList<OfferedService>> ListAsync(string? municipalityCode, string? category, Caller caller, CancellationToken ct)
    {
        var municipality = MunicipalityCodeOf(municipalityCode);
        MunicipalityAccess.EnsureCanRead(caller, municipality);
        var filter = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (filter is not null && !await db.Categories.AnyAsync(c => c.Code == filter, ct))
        {
            throw ValidationFailedException.For("category", $"La categoría '{filter}' no existe (GET /api/needs/categories).");
        }

        await RequireMunicipalityAsync(municipality, ct);
        var query = db.Services.AsNoTracking().Where(s => s.MunicipalityCode == municipality);
        if (filter is not null)
        {
            query = query.Where(s => s.Categories.Contains(filter));
        }

        return await query.OrderBy(s => s.Code).ToListAsync(ct);
    }

    public async Task<OfferedService> GetAsync(string? municipalityCode, string? serviceCode, Caller caller, CancellationToken ct)
    {
        var municipality = MunicipalityCodeOf(municipalityCode);
        MunicipalityAccess.EnsureCanRead(caller, municipality);
        var code = ServiceCodeOf(serviceCode);
        return await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct)
               ?? throw new NotFoundException($"El servicio '{code}' no está en la oferta de '{municipality}'.");
    }

    public async Task<OfferedService> CreateAsync(string? municipalityCode, CreateServiceCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = MunicipalityCodeOf(municipalityCode);
        MunicipalityAccess.EnsureCanEdit(caller, municipality);
        var errors = new FieldErrors();
        await CheckMunicipalityAsync(errors, municipality, ct);
        var code = OfferValidator.ServiceCode(errors, command.Code);
        var offer = OfferValidator.Validate(errors, command, institutions.Contains, await CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        if (await db.Services.AnyAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct))
        {
            throw AlreadyExists(code!, municipality);
        }

        var now = clock.GetUtcNow();
        var service = new OfferedService
        {
            MunicipalityCode = municipality,
            Code = code!,
            Name = "",
            Program = "",
            InstitutionCode = "",
            EligibilitySummary = "",
            CreatedAt = now,
            UpdatedBy = caller.DisplayName,
        };
        Apply(service, offer!, caller, now);
        service.Version = 1;
        db.Services.Add(service);
        db.AddToOutbox(Changed(service), clock);
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

    public async Task<OfferedService> UpdateAsync(
        string? municipalityCode, string? serviceCode, UpdateServiceCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = MunicipalityCodeOf(municipalityCode);
        MunicipalityAccess.EnsureCanEdit(caller, municipality);
        var code = ServiceCodeOf(serviceCode);
        var errors = new FieldErrors();
        if (command.ExpectedVersion is not { } expected || expected < 1)
        {
            errors.Add("expectedVersion", "Indique la versión que leyó (expectedVersion, desde 1).");
        }

        var offer = OfferValidator.Validate(errors, command, institutions.Contains, await CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        var service = await db.Services.FirstOrDefaultAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct)
                      ?? throw new NotFoundException($"El servicio '{code}' no está en la oferta de '{municipality}'.");
        if (service.Version != command.ExpectedVersion)
        {
            throw Stale(service, command.ExpectedVersion!.Value);
        }

        Apply(service, offer!, caller, clock.GetUtcNow());
        service.Version++;
        db.AddToOutbox(Changed(service), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"El servicio '{code}' cambió mientras tanto: vuelva a leerlo.");
        }

        return service;
    }

    /// <summary>Never NotFound: an unknown municipality or service is "not offered", with the reason in Spanish.</summary>
    public async Task<Availability> CheckAvailabilityAsync(string? municipalityCode, string? serviceCode, Caller caller, CancellationToken ct)
    {
        MunicipalityAccess.EnsureCanCheckAvailability(caller);
        var municipality = municipalityCode?.Trim().ToLowerInvariant() ?? "";
        var code = serviceCode?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        if (municipality.Length == 0)
        {
            errors.Add("municipalityCode", "Indique el código del municipio.");
        }

        if (code.Length == 0)
        {
            errors.Add("serviceCode", "Indique el código del servicio.");
        }

        errors.ThrowIfAny();

        // One round trip: this runs for every referral sent.
        var place = await db.Municipalities.AsNoTracking()
            .Where(m => m.Code == municipality)
            .Select(m => new { m.Name, Service = db.Services.FirstOrDefault(s => s.MunicipalityCode == municipality && s.Code == code) })
            .FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return new Availability(false, null, $"El municipio '{municipality}' no está registrado.");
        }

        var service = place.Service;
        if (service is null)
        {
            return new Availability(false, null, $"El servicio '{code}' no se ofrece en {place.Name}.");
        }

        var message = service.CapacityStatus switch
        {
            CapacityStatus.Available => $"'{service.Name}' tiene cupo disponible en {place.Name}.",
            CapacityStatus.Waitlist when service.WaitlistBand is { } band => $"'{service.Name}' tiene lista de espera en {place.Name} ({band.Spanish()}).",
            CapacityStatus.Waitlist => $"'{service.Name}' tiene lista de espera en {place.Name}.",
            _ => $"'{service.Name}' no tiene cupo este mes en {place.Name}.",
        };
        return new Availability(true, service, message);
    }

    internal static void Apply(OfferedService service, ValidOffer offer, Caller caller, DateTimeOffset now)
    {
        service.Name = offer.Name;
        service.Program = offer.Program;
        service.InstitutionCode = offer.InstitutionCode;
        service.Categories = offer.Categories;
        service.EligibilitySummary = offer.EligibilitySummary;
        service.Channel = offer.Channel;
        service.MonthlyCapacity = offer.MonthlyCapacity;
        service.CapacityStatus = offer.CapacityStatus;
        service.WaitlistBand = offer.WaitlistBand;
        service.UpdatedAt = now;
        service.UpdatedBy = caller.DisplayName;
    }

    internal static ServiceOfferChanged Changed(OfferedService service) => new()
    {
        MunicipalityCode = service.MunicipalityCode,
        ServiceCode = service.Code,
        Name = service.Name,
        Program = service.Program,
        InstitutionCode = service.InstitutionCode,
        Channel = service.Channel.Code(),
        Categories = service.Categories.ToList(),
        CapacityStatus = service.CapacityStatus.Code(),
        WaitlistBand = service.WaitlistBand?.Code(),
        MonthlyCapacity = service.MonthlyCapacity,
        Version = service.Version,
        OccurredAt = service.UpdatedAt,
    };

    private async Task<IReadOnlySet<string>> CategoryCodesAsync(CancellationToken ct) =>
        await db.Categories.Select(c => c.Code).ToHashSetAsync(StringComparer.Ordinal, ct);

    private async Task CheckMunicipalityAsync(FieldErrors errors, string municipality, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
        }
    }

    private async Task RequireMunicipalityAsync(string municipality, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            throw new NotFoundException($"El municipio '{municipality}' no está registrado.");
        }
    }

    private static string MunicipalityCodeOf(string? value)
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        return code.Length > 0 ? code : throw ValidationFailedException.For("municipalityCode", "Indique el código del municipio.");
    }

    private static string ServiceCodeOf(string? value)
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        return code.Length > 0 ? code : throw ValidationFailedException.For("serviceCode", "Indique el código del servicio.");
    }

    private static AlreadyExistsException AlreadyExists(string code, string municipality) =>
        new($"El servicio '{code}' ya está en la oferta de '{municipality}'; para cambiarlo use PUT.");

    private static ConcurrencyConflictException Stale(OfferedService service, int expected) =>
        new($"El servicio '{service.Code}' está en la versión {service.Version} y usted envió {expected}: vuelva a leerlo.");
}
