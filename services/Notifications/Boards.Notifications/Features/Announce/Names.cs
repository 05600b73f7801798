using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Notifications.Features.Announce;

/// <summary>
/// Names instead of codes in what people read: institutions from the shipped list, municipalities from the replica
/// (<see cref="MunicipalityNames"/>). A municipality is named once per unit of work (a batch names many events of the
/// same few), so a code the replica's copy lacks is looked up once, not once per event.
/// </summary>
public sealed class Names(NotificationsDbContext db, Institutions institutions, MunicipalityNames municipalities)
{
    private readonly Dictionary<string, string> _municipalities = new(StringComparer.Ordinal);

    public string Institution(string code) => institutions.NameOf(code);

    public async Task<string> MunicipalityAsync(string code, CancellationToken cancellationToken)
    {
        if (!_municipalities.TryGetValue(code, out var name))
        {
            name = await municipalities.NameAsync(db, code, cancellationToken);
            _municipalities[code] = name;
        }

        return name;
    }
}
