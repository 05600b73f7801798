using Boards.Membership.Domain;
using Boards.BuildingBlocks.Errors;
using Boards.Membership.Data;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Membership.Features.Representativity;

public sealed record MunicipalityContextView(
    string Code, string Name, int? RuralLocalities, bool? HasIndigenousCommunities, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>null leaves the value unknown (0 rural localities, no indigenous requirement).</summary>
public sealed record SetMunicipalityContextCommand(
    int? RuralLocalities, bool? HasIndigenousCommunities);

/// <summary>The latest stored assessment of a board, with the municipality context and policy version that produced it.</summary>
public sealed record RepresentativityView(
    Guid AssessmentId,
    Guid BoardId,
    string MunicipalityCode,
    long BoardVersion,
    int PolicyVersion,
    DateTimeOffset AssessedAt,
    MunicipalityContext Municipality,
    RepresentativityAssessment Assessment)
{
    public static RepresentativityView From(StoredAssessment stored) => new(
        stored.Id, stored.BoardId, stored.MunicipalityCode, stored.BoardVersion, stored.PolicyVersion, stored.AssessedAt,
        new MunicipalityContext(stored.RuralLocalities, stored.HasIndigenousCommunities), stored.ToAssessment());
}

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

/// <summary>The latest assessment of a board, with the same scope as the board.</summary>
public sealed class GetRepresentativityHandler(BoardStore store)
{
    /// <summary>The roster assessment unless <paramref name="basis"/> asks for the attendance-weighted one.</summary>
    public async Task<StoredAssessment> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct, AssessmentBasis basis = AssessmentBasis.Roster)
    {
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        return await store.Db.Assessments.AsNoTracking()
                   .Where(a => a.BoardId == board.Id && a.Basis == basis)
                   .OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id)
                   .FirstOrDefaultAsync(ct)
               ?? throw new NotFoundException($"La mesa de '{board.MunicipalityCode}' todavía no tiene una evaluación de representatividad.");
    }
}

public static class RepresentativitySeeder
{
    /// <summary>Stores policy version 1 (the calculator's defaults) if none is stored, and assesses boards that have no assessment yet.</summary>
    public static async Task SeedRepresentativityAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var recorder = scope.ServiceProvider.GetRequiredService<RepresentativityRecorder>();
        if (!await db.RepresentativityPolicies.AnyAsync(ct))
        {
            db.RepresentativityPolicies.Add(RepresentativityPolicyVersion.From(RepresentativityPolicy.Default, clock.GetUtcNow(), "sistema"));
        }

        await recorder.RecordAllAsync(onlyUnassessed: true, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded at the same time; its rows are as good as ours.
        }
    }
}
