namespace Boards.Needs.Features.GetService;

/// <summary>One service of a municipality's offer catalog.</summary>
public sealed class GetServiceHandler(NeedsDbContext db)
{
    public async Task<OfferedService> HandleAsync(string? municipalityCode, string? serviceCode, Caller caller, CancellationToken ct)
    {
        var municipality = OfferRoute.MunicipalityCode(municipalityCode);
        MunicipalityAccess.EnsureCanRead(caller, municipality);
        var code = OfferRoute.ServiceCode(serviceCode);
        return await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityCode == municipality && s.Code == code, ct)
               ?? throw OfferRoute.ServiceNotFound(code, municipality);
    }
}
