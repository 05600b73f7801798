namespace Boards.Needs.Features.CheckAvailability;

/// <summary>The answer to "can I refer someone to this service there?". Service is null when it is not offered.</summary>
public sealed record Availability(bool Offered, OfferedService? Service, string Message);

/// <summary>
/// The question the referrals service asks before sending a referral (gRPC CheckAvailability). Never NotFound: an
/// unknown municipality or service is "not offered", with the reason in Spanish.
/// </summary>
public sealed class CheckAvailabilityHandler(NeedsDbContext db)
{
    public async Task<Availability> HandleAsync(string? municipalityCode, string? serviceCode, Caller caller, CancellationToken ct)
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
}
