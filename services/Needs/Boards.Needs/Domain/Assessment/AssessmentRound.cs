using Boards.Needs.Domain.Prioritization;

namespace Boards.Needs.Domain.Assessment;

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>
/// A needs assessment round (diagnóstico) of one municipality for one period: the board records the needs, each member
/// ranks them, and closing the round freezes the Borda ranking. Every change goes through a method here, which refuses
/// it once the round is closed and raises Version by one, so that a ballot cast while someone closes the round cannot
/// slip in after it (Version is the concurrency token).
/// </summary>
public sealed class AssessmentRound
{
    private readonly List<Need> _needs = [];
    private readonly List<NeedBallot> _ballots = [];

    private AssessmentRound()
    {
    }

    public Guid Id { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    /// <summary>"2026", "2026-S2" (semester), "2026-T3" (quarter) or "2026-07" (month); unique per municipality.</summary>
    public string Period { get; private set; } = "";
    public string? Title { get; private set; }
    public RoundStatus Status { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    /// <summary>The rule text and ballot count at closing, kept with the frozen ranking (see <see cref="Need.FrozenRank"/>).</summary>
    public string? FrozenRule { get; private set; }
    public int? FrozenBallotCount { get; private set; }
    public IReadOnlyList<Need> Needs => _needs.AsReadOnly();
    public IReadOnlyList<NeedBallot> Ballots => _ballots.AsReadOnly();

    /// <summary>A new open round at version 1. One per municipality and period, and one open at a time: the caller checks.</summary>
    public static AssessmentRound Open(string municipalityCode, string period, string? title, string openedBy, DateTimeOffset openedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        MunicipalityCode = municipalityCode,
        Period = period,
        Title = title,
        Status = RoundStatus.Open,
        Version = 1,
        OpenedAt = openedAt,
        OpenedBy = openedBy,
    };

    /// <summary>A closed round refuses every change: its ranking is frozen.</summary>
    public void EnsureOpen()
    {
        if (Status == RoundStatus.Closed)
        {
            throw new PreconditionFailedException("ROUND_CLOSED", "round",
                $"La ronda {Period} de '{MunicipalityCode}' está cerrada: su orden de prioridades quedó congelado.");
        }
    }

    /// <summary>Appends a checked need with the next number.</summary>
    public Need RecordNeed(ValidNeed fields, string recordedBy, DateTimeOffset recordedAt) =>
        RecordNeeds([fields], recordedBy, recordedAt)[0];

    /// <summary>Appends checked needs in order with the next numbers, as one change (one new version): a CSV import.</summary>
    public IReadOnlyList<Need> RecordNeeds(IEnumerable<ValidNeed> needs, string recordedBy, DateTimeOffset recordedAt)
    {
        EnsureOpen();
        var number = _needs.Count == 0 ? 0 : _needs.Max(n => n.Number);
        var recorded = needs.Select(fields => Need.Record(Id, ++number, fields, recordedBy, recordedAt)).ToList();
        _needs.AddRange(recorded);
        Version++;
        return recorded;
    }

    public Need NeedById(Guid needId) =>
        _needs.Find(n => n.Id == needId) ?? throw new NotFoundException($"La necesidad '{needId}' no es de esta ronda.");

    /// <summary>Replaces a need's fields; it keeps its id and number and records who corrected it and when.</summary>
    public Need CorrectNeed(Guid needId, ValidNeed fields, string correctedBy, DateTimeOffset correctedAt)
    {
        EnsureOpen();
        var need = NeedById(needId);
        need.Correct(fields, correctedBy, correctedAt);
        Version++;
        return need;
    }

    /// <summary>What is wrong with a ranking of this round's needs, in Spanish; empty when it can be counted.</summary>
    public IReadOnlyList<string> RankingProblems(Guid memberId, IReadOnlyList<Guid> ranking) =>
        BordaCount.Validate(NeedsForRanking(), new Ballot(memberId.ToString(), ranking));

    /// <summary>Records a voting member's ballot, or replaces the one they cast before. Who may vote is the roster's answer.</summary>
    public NeedBallot CastBallot(Guid memberId, string memberName, IReadOnlyList<Guid> ranking, string castBy, DateTimeOffset castAt)
    {
        EnsureOpen();
        if (RankingProblems(memberId, ranking) is { Count: > 0 } problems)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["ranking"] = [.. problems] });
        }

        var ballot = _ballots.Find(b => b.MemberId == memberId);
        if (ballot is null)
        {
            ballot = NeedBallot.For(Id, memberId);
            _ballots.Add(ballot);
        }

        ballot.Record(memberName, ranking, castBy, castAt);
        Version++;
        return ballot;
    }

    /// <summary>The Borda count of the ballots so far (in the order they were cast).</summary>
    public BordaResult CountBallots()
    {
        // A ballot may name a need that no longer counts only if data were edited by hand; the API never allows it.
        var ballots = _ballots.OrderBy(b => b.CastAt).Select(b => new Ballot(b.MemberId.ToString(), b.Ranking)).ToList();
        return BordaCount.Rank(NeedsForRanking(), ballots);
    }

    /// <summary>
    /// Closes the round at the version the person reviewed, so that the ranking they saw is the one frozen into its needs.
    /// A round needs at least one need and one ballot to close.
    /// </summary>
    public void Close(int expectedVersion, string closedBy, DateTimeOffset closedAt)
    {
        EnsureOpen();
        if (Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(
                $"La ronda está en la versión {Version} y usted revisó la {expectedVersion}: vuelva a leer el orden antes de cerrarla.");
        }

        if (_needs.Count == 0)
        {
            throw new PreconditionFailedException("NO_NEEDS", "needs", "No se puede cerrar una ronda sin necesidades registradas.");
        }

        if (_ballots.Count == 0)
        {
            throw new PreconditionFailedException("NO_BALLOTS", "ballots", "No se puede cerrar la ronda: ningún miembro de la mesa votó todavía.");
        }

        FreezeRanking();
        Status = RoundStatus.Closed;
        ClosedAt = closedAt;
        ClosedBy = closedBy;
        Version++;
    }

    private void FreezeRanking()
    {
        var result = CountBallots();
        var needs = _needs.ToDictionary(n => n.Id);
        foreach (var ranked in result.Ranking)
        {
            needs[ranked.NeedId].Freeze(ranked);
        }

        FrozenRule = result.Rule;
        FrozenBallotCount = result.BallotsCounted;
    }

    private List<NeedForRanking> NeedsForRanking() => _needs.Select(n => n.ForRanking()).ToList();
}
