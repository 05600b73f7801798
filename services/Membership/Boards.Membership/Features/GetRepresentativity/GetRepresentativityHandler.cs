using Boards.Membership.Domain.Representativity;

namespace Boards.Membership.Features.GetRepresentativity;

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
