using Boards.Membership.Data;

namespace Boards.Membership.Features.GetMunicipality;

/// <summary>One district of the registry, with its programme stage and context, for anyone signed in.</summary>
public sealed class GetMunicipalityHandler(MembershipDbContext db)
{
    public async Task<Municipality> HandleAsync(string? code, CancellationToken ct)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        if (normalized.Length == 0)
        {
            throw ValidationFailedException.For("code", "Indique el código del municipio.");
        }

        return await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == normalized, ct)
               ?? throw new NotFoundException($"No existe el municipio '{normalized}'.");
    }
}
