using Boards.Membership.Data;

namespace Boards.Membership.Features.ListBoards;

public sealed record ListBoardsQuery(string? MunicipalityCode, BoardStatus? Status);

/// <summary>Boards within the caller's scope, by municipality code. There is at most one per municipality, so no paging.</summary>
public sealed class ListBoardsHandler(MembershipDbContext db)
{
    public async Task<IReadOnlyList<Board>> HandleAsync(ListBoardsQuery query, Caller caller, CancellationToken ct)
    {
        var requested = string.IsNullOrWhiteSpace(query.MunicipalityCode) ? null : Input.MunicipalityCode(query.MunicipalityCode);
        if (query.Status is { } s && !Enum.IsDefined(s))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["status"] = ["Estado desconocido."] });
        }

        var municipality = BoardAccess.ListScope(caller, requested);
        var boards = db.Boards.AsNoTracking().Include(b => b.Members).Include(b => b.FocalPointTerms).AsSplitQuery();
        if (municipality is not null)
        {
            boards = boards.Where(b => b.MunicipalityCode == municipality);
        }

        if (query.Status is { } status)
        {
            boards = boards.Where(b => b.Status == status);
        }

        return await boards.OrderBy(b => b.MunicipalityCode).ToListAsync(ct);
    }
}
