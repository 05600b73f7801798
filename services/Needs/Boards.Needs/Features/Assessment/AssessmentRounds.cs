using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Needs.Data;
using Boards.Needs.Domain;
using Boards.Needs.Domain.Assessment;
using Boards.Needs.Domain.Prioritization;
using Boards.Needs.Features.Common;
using Boards.Needs.Features.GapAnalysis;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Needs.Features.Assessment;

/// <summary>
/// Needs assessment rounds: open one per municipality and period, record and correct needs, take each member's ballot,
/// and close it, which freezes the Borda ranking and writes NeedsPrioritized and GapAnalysisPublished to the outbox in
/// the same SaveChanges. Scope as the offer catalog (<see cref="MunicipalityAccess"/>).
/// </summary>
public sealed class AssessmentRounds(NeedsDbContext db, GapAnalyzer gaps, IBoardRoster roster, TimeProvider clock)
{
    private const string What = MunicipalityAccess.Assessment;

    public async Task<IReadOnlyList<RoundSummaryView>> ListAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim().ToLowerInvariant();
        if (!MunicipalityAccess.ReadsAll(caller))
        {
            // A focal point lists their own municipality, named or not.
            municipality ??= caller.Municipality ?? "";
            MunicipalityAccess.EnsureCanRead(caller, municipality, What);
        }

        var query = db.Rounds.AsNoTracking();
        if (municipality is not null)
        {
            query = query.Where(r => r.MunicipalityCode == municipality);
        }

        return await query.OrderBy(r => r.MunicipalityCode).ThenByDescending(r => r.OpenedAt)
            .Select(r => new RoundSummaryView(
                r.Id, r.MunicipalityCode, r.Period, r.Title, r.Status == RoundStatus.Open ? "open" : "closed", r.Version,
                r.Needs.Count, r.Ballots.Count, r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy))
            .ToListAsync(ct);
    }

    public async Task<AssessmentRound> GetAsync(Guid roundId, Caller caller, CancellationToken ct)
    {
        var round = await LoadAsync(roundId, tracking: false, ct);
        MunicipalityAccess.EnsureCanRead(caller, round.MunicipalityCode, What);
        return round;
    }

    public async Task<AssessmentRound> OpenAsync(OpenRoundCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = command.MunicipalityCode?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        if (municipality.Length == 0)
        {
            errors.Add("municipalityCode", "Indique el código del municipio.");
        }
        else
        {
            MunicipalityAccess.EnsureCanEdit(caller, municipality, What);
            if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
            {
                errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
            }
        }

        var period = NeedValidator.Period(errors, command.Period);
        var title = string.IsNullOrWhiteSpace(command.Title) ? null : command.Title.Trim();
        if (title?.Length > NeedValidator.MaxTitleLength)
        {
            errors.Add("title", $"El título tiene hasta {NeedValidator.MaxTitleLength} caracteres.");
        }

        errors.ThrowIfAny();

        if (await db.Rounds.AnyAsync(r => r.MunicipalityCode == municipality && (r.Period == period || r.Status == RoundStatus.Open), ct))
        {
            throw await TakenAsync(municipality, period!, ct);
        }

        var round = new AssessmentRound
        {
            MunicipalityCode = municipality,
            Period = period!,
            Title = title,
            OpenedAt = clock.GetUtcNow(),
            OpenedBy = caller.DisplayName,
        };
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            throw await TakenAsync(municipality, period!, ct);
        }

        return round;
    }

    public async Task<(AssessmentRound Round, Need Need)> AddNeedAsync(Guid roundId, NeedInput input, Caller caller, CancellationToken ct)
    {
        var round = await EditableAsync(roundId, caller, ct);
        var errors = new FieldErrors();
        var valid = NeedValidator.Validate(errors, input, await CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        var need = Record(round, valid!, caller.DisplayName, clock.GetUtcNow());
        await SaveAsync(round, ct);
        return (round, need);
    }

    public async Task<(AssessmentRound Round, Need Need)> CorrectNeedAsync(Guid roundId, Guid needId, NeedInput input, Caller caller, CancellationToken ct)
    {
        var round = await EditableAsync(roundId, caller, ct);
        var need = round.Needs.FirstOrDefault(n => n.Id == needId)
                   ?? throw new NotFoundException($"La necesidad '{needId}' no es de esta ronda.");
        var errors = new FieldErrors();
        var valid = NeedValidator.Validate(errors, input, await CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        Apply(need, valid!);
        need.CorrectedAt = clock.GetUtcNow();
        need.CorrectedBy = caller.DisplayName;
        await SaveAsync(round, ct);
        return (round, need);
    }

    public async Task<(AssessmentRound Round, NeedBallot Ballot)> CastBallotAsync(
        Guid roundId, Guid memberId, CastBallotCommand command, Caller caller, CancellationToken ct)
    {
        var round = await EditableAsync(roundId, caller, ct);
        var errors = new FieldErrors();
        if (memberId == Guid.Empty)
        {
            errors.Add("memberId", "Indique el miembro de la mesa que vota (su id en el padrón).");
        }

        // Only a voting member of the board's current roster votes, under the name the roster has (docs/needs.md).
        var voter = memberId == Guid.Empty
            ? null
            : (await roster.VotingMembersAsync(round.MunicipalityCode, ct)).FirstOrDefault(m => m.MemberId == memberId);
        if (memberId != Guid.Empty && voter is null)
        {
            errors.Add("memberId", "Esta persona no es miembro votante del padrón actual de la mesa: solo los miembros activos con voto emiten boleta.");
        }

        var name = voter?.PersonName ?? "";

        var ranking = command.Ranking ?? [];
        var needs = round.Needs.Select(n => new NeedForRanking(n.Id, n.Number, n.PeopleAffected, n.Severity)).ToList();
        foreach (var problem in BordaCount.Validate(needs, new Ballot(memberId.ToString(), ranking)))
        {
            errors.Add("ranking", problem);
        }

        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var ballot = round.Ballots.FirstOrDefault(b => b.MemberId == memberId);
        if (ballot is null)
        {
            ballot = new NeedBallot { RoundId = round.Id, MemberId = memberId, MemberName = name, CastBy = caller.DisplayName };
            round.Ballots.Add(ballot);
            db.Ballots.Add(ballot);
        }

        ballot.MemberName = name;
        ballot.Ranking = ranking.ToList();
        ballot.CastAt = now;
        ballot.CastBy = caller.DisplayName;
        await SaveAsync(round, ct);
        return (round, ballot);
    }

    public async Task<AssessmentRound> CloseAsync(Guid roundId, CloseRoundCommand command, Caller caller, CancellationToken ct)
    {
        if (command.ExpectedVersion is not (>= 1))
        {
            throw ValidationFailedException.For("expectedVersion", "Indique la versión de la ronda que revisó (expectedVersion): se congela el orden que usted vio.");
        }

        var round = await EditableAsync(roundId, caller, ct);
        if (round.Version != command.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(
                $"La ronda está en la versión {round.Version} y usted revisó la {command.ExpectedVersion}: vuelva a leer el orden antes de cerrarla.");
        }

        if (round.Needs.Count == 0)
        {
            throw new PreconditionFailedException("NO_NEEDS", "needs", "No se puede cerrar una ronda sin necesidades registradas.");
        }

        if (round.Ballots.Count == 0)
        {
            throw new PreconditionFailedException("NO_BALLOTS", "ballots", "No se puede cerrar la ronda: ningún miembro de la mesa votó todavía.");
        }

        var now = clock.GetUtcNow();
        RoundRanking.Freeze(round);
        round.Status = RoundStatus.Closed;
        round.ClosedAt = now;
        round.ClosedBy = caller.DisplayName;
        db.AddToOutbox(RoundEvents.Prioritized(round, now), clock);
        db.AddToOutbox(await gaps.AnalyzeAsync(round.MunicipalityCode, round, GapAnalyzer.RoundClosed, ct), clock);
        await SaveAsync(round, ct);
        return round;
    }

    /// <summary>Appends a checked need to the round with the next number (the CSV import records its rows the same way).</summary>
    internal Need Record(AssessmentRound round, ValidNeed valid, string recordedBy, DateTimeOffset recordedAt)
    {
        var need = new Need
        {
            RoundId = round.Id,
            Number = round.Needs.Count == 0 ? 1 : round.Needs.Max(n => n.Number) + 1,
            Category = "",
            Locality = "",
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
        Apply(need, valid);
        round.Needs.Add(need);
        db.Needs.Add(need);
        return need;
    }

    /// <summary>The round for a change: found, within the caller's scope and still open.</summary>
    internal async Task<AssessmentRound> EditableAsync(Guid roundId, Caller caller, CancellationToken ct)
    {
        var round = await LoadAsync(roundId, tracking: true, ct);
        MunicipalityAccess.EnsureCanEdit(caller, round.MunicipalityCode, What);
        if (round.Status == RoundStatus.Closed)
        {
            throw new PreconditionFailedException("ROUND_CLOSED", "round",
                $"La ronda {round.Period} de '{round.MunicipalityCode}' está cerrada: su orden de prioridades quedó congelado.");
        }

        return round;
    }

    private async Task<AssessmentRound> LoadAsync(Guid roundId, bool tracking, CancellationToken ct)
    {
        var query = db.Rounds.Include(r => r.Needs).Include(r => r.Ballots).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == roundId, ct)
               ?? throw new NotFoundException($"No existe la ronda de diagnóstico '{roundId}'.");
    }

    private async Task SaveAsync(AssessmentRound round, CancellationToken ct)
    {
        round.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("La ronda cambió mientras tanto (otra persona registró o votó): vuelva a leerla e intente de nuevo.");
        }
    }

    private async Task<Exception> TakenAsync(string municipality, string period, CancellationToken ct)
    {
        var open = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.MunicipalityCode == municipality && r.Status == RoundStatus.Open, ct);
        return open is not null && open.Period != period
            ? new PreconditionFailedException("ROUND_OPEN", "round",
                $"'{municipality}' ya tiene abierta la ronda {open.Period}: ciérrela antes de abrir otra.")
            : new AlreadyExistsException($"'{municipality}' ya tiene una ronda para el período {period}.");
    }

    private async Task<IReadOnlySet<string>> CategoryCodesAsync(CancellationToken ct) =>
        await db.Categories.Select(c => c.Code).ToHashSetAsync(StringComparer.Ordinal, ct);

    private static void Apply(Need need, ValidNeed valid)
    {
        need.Category = valid.Category;
        need.Locality = valid.Locality;
        need.PopulationGroup = valid.PopulationGroup;
        need.PeopleAffected = valid.PeopleAffected;
        need.Severity = valid.Severity;
        need.EvidenceSource = valid.EvidenceSource;
        need.EvidenceNotes = valid.EvidenceNotes;
    }
}
