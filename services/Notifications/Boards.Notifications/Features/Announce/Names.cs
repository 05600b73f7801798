using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Notifications.Features.Announce;

/// <summary>Names instead of codes in what people read: institutions from the shipped list, municipalities from the replica.</summary>
public sealed class Names(NotificationsDbContext db, Institutions institutions, MunicipalityNames municipalities)
{
    public string Institution(string code) => institutions.NameOf(code);

    public Task<string> MunicipalityAsync(string code, CancellationToken cancellationToken) => municipalities.NameAsync(db, code, cancellationToken);
}
