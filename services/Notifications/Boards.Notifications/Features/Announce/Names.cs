using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Notifications.Features.Announce;

/// <summary>Names instead of codes in what people read: institutions from the shipped list, municipalities from the replica.</summary>
public sealed class Names(NotificationsDbContext db, Institutions institutions)
{
    private readonly Dictionary<string, string> _municipalities = new(StringComparer.Ordinal);

    public string Institution(string code) => institutions.NameOf(code);

    public async Task<string> MunicipalityAsync(string code, CancellationToken cancellationToken)
    {
        if (!_municipalities.TryGetValue(code, out var name))
        {
            name = await db.Municipalities.Where(m => m.Code == code).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? code;
            _municipalities[code] = name;
        }

        return name;
    }
}
