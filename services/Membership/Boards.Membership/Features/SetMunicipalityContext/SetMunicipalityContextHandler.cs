using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.SetMunicipalityContext;

public sealed record MunicipalityContextView(
    string Code, string Name, int? RuralLocalities, bool? HasIndigenousCommunities, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>null leaves the value unknown (0 rural localities, no indigenous requirement).</summary>
public sealed record SetMunicipalityContextCommand(
    int? RuralLocalities, bool? HasIndigenousCommunities);

/// <summary>Sets a municipality's context (ministry-admin) and re-assesses its board, if it has one, in the same transaction.</summary>
public sealed class SetMunicipalityContextHandler(BoardStore store, RepresentativityRecorder recorder, TimeProvider clock)
{
    public async Task<MunicipalityContextView> HandleAsync(string? municipalityCode, SetMunicipalityContextCommand command, Caller caller, CancellationToken ct)
    {
        var code = Input.MunicipalityCode(municipalityCode);
        if (!caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            throw new ForbiddenException("Solo la administración del ministerio (ministry-admin) define el contexto de un municipio.");
        }

        if (command.RuralLocalities is < 0 or > MembershipLimits.MaxRuralLocalities)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["ruralLocalities"] = ["La cantidad de localidades rurales debe estar entre 0 y 10000."],
            });
        }

        var db = store.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // As for a new policy: a roster change that read the previous context meanwhile fails its xmin check (409).
        await db.Database.ExecuteSqlAsync($"UPDATE boards SET \"Version\" = \"Version\" WHERE \"MunicipalityCode\" = {code}", ct);
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Code == code, ct)
                           ?? throw new NotFoundException($"No existe el municipio '{code}'.");
        municipality.SetContext(command.RuralLocalities, command.HasIndigenousCommunities, caller.DisplayName, clock.GetUtcNow());

        var board = await db.Boards.Include(b => b.Members).FirstOrDefaultAsync(b => b.MunicipalityCode == code, ct);
        if (board is not null)
        {
            await recorder.RecordAsync(board, ct);
        }

        await store.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return new MunicipalityContextView(municipality.Code, municipality.Name, municipality.RuralLocalities,
            municipality.HasIndigenousCommunities, municipality.ContextUpdatedAt, municipality.ContextUpdatedBy);
    }
}
