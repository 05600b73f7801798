namespace Boards.Needs.Features.Common;

/// <summary>
/// Loads an assessment round with its needs and ballots, checking the caller's scope (<see cref="MunicipalityAccess"/>),
/// and saves it with its version as the concurrency token.
/// </summary>
public sealed class RoundStore(NeedsDbContext db)
{
    public const string Conflict = "La ronda cambió mientras tanto (otra persona registró o votó): vuelva a leerla e intente de nuevo.";

    private const string What = MunicipalityAccess.Assessment;

    /// <summary>The round as the caller may read it, untracked.</summary>
    public async Task<AssessmentRound> ReadAsync(Guid roundId, Caller caller, CancellationToken ct)
    {
        var round = await LoadAsync(roundId, tracking: false, ct);
        MunicipalityAccess.EnsureCanRead(caller, round.MunicipalityCode, What);
        return round;
    }

    /// <summary>The round for a change: found, within the caller's scope and still open.</summary>
    public async Task<AssessmentRound> LoadForChangeAsync(Guid roundId, Caller caller, CancellationToken ct)
    {
        var round = await LoadAsync(roundId, tracking: true, ct);
        MunicipalityAccess.EnsureCanEdit(caller, round.MunicipalityCode, What);
        round.EnsureOpen();
        return round;
    }

    /// <summary>Saves the changed round; a change made meanwhile (its version moved) is a conflict and nothing is written.</summary>
    public async Task SaveAsync(AssessmentRound round, CancellationToken ct, string conflict = Conflict)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(conflict);
        }
    }

    private async Task<AssessmentRound> LoadAsync(Guid roundId, bool tracking, CancellationToken ct)
    {
        var query = db.Rounds.Include(r => r.Needs).Include(r => r.Ballots).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == roundId, ct)
               ?? throw new NotFoundException($"No existe la ronda de diagnóstico '{roundId}'.");
    }
}
