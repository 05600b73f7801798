namespace Boards.Needs.Domain.Prioritization;

/// <summary>A need of the round as the count sees it: its registration number and its demand (people × severity).</summary>
public sealed record NeedForRanking(Guid NeedId, int Number, int PeopleAffected, int Severity)
{
    public long Demand => (long)PeopleAffected * Severity;
}

/// <summary>One board member's ranking of the round's needs, most urgent first. It may leave needs out.</summary>
public sealed record Ballot(string VoterId, IReadOnlyList<Guid> Ranking);

/// <summary>What put a need below the one ranked just above it.</summary>
public enum DecidedBy
{
    /// <summary>The first place: nothing above it.</summary>
    First = 1,
    Points,
    /// <summary>Same points; more people affected × severity goes first.</summary>
    Demand,
    /// <summary>Same points and demand; the need registered first goes first.</summary>
    RegistrationOrder,
}

public sealed record RankedNeed(int Rank, Guid NeedId, int Number, int Points, long Demand, DecidedBy DecidedBy);

public sealed record BordaResult(IReadOnlyList<RankedNeed> Ranking, int BallotsCounted, string Rule);

/// <summary>
/// The round's ranking by Borda count. With n needs, a ballot gives n−1 points to its first place, n−2 to the second,
/// and so on; needs a ballot leaves out get 0 from it (so a short ballot never lifts what it did not rank). The most
/// points rank first. Ties are broken by people affected × severity (more first), then by registration order.
/// </summary>
public static class BordaCount
{
    public const string Rule =
        "Conteo de Borda: con n necesidades, cada miembro da n−1 puntos a su primer lugar, n−2 al segundo y así " +
        "sucesivamente; las necesidades que no ordena reciben 0 puntos de su boleta. Ocupa el primer lugar la de más " +
        "puntos. Empate: va primero la de más personas afectadas × severidad; si persiste, la registrada primero.";

    /// <summary>What is wrong with a ballot, in Spanish; empty when it can be counted.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyCollection<NeedForRanking> needs, Ballot ballot)
    {
        var errors = new List<string>();
        var known = needs.Select(n => n.NeedId).ToHashSet();
        if (ballot.Ranking.Count == 0)
        {
            errors.Add("La boleta no ordena ninguna necesidad.");
        }

        foreach (var unknown in ballot.Ranking.Where(id => !known.Contains(id)).Distinct())
        {
            errors.Add($"La necesidad '{unknown}' no es de esta ronda.");
        }

        foreach (var repeated in ballot.Ranking.GroupBy(id => id).Where(g => g.Count() > 1))
        {
            errors.Add($"La necesidad '{repeated.Key}' aparece {repeated.Count()} veces en la boleta: cada una va una sola vez.");
        }

        return errors;
    }

    public static BordaResult Rank(IReadOnlyList<NeedForRanking> needs, IReadOnlyList<Ballot> ballots)
    {
        var points = needs.ToDictionary(n => n.NeedId, _ => 0);
        var n = needs.Count;
        foreach (var ballot in ballots)
        {
            if (Validate(needs, ballot) is { Count: > 0 } errors)
            {
                throw new ArgumentException($"Boleta de {ballot.VoterId}: {string.Join(" ", errors)}", nameof(ballots));
            }

            for (var position = 0; position < ballot.Ranking.Count; position++)
            {
                points[ballot.Ranking[position]] += n - 1 - position;
            }
        }

        var ordered = needs
            .OrderByDescending(need => points[need.NeedId])
            .ThenByDescending(need => need.Demand)
            .ThenBy(need => need.Number)
            .ToList();
        var ranking = new List<RankedNeed>(n);
        for (var i = 0; i < ordered.Count; i++)
        {
            var need = ordered[i];
            var decidedBy = i == 0 ? DecidedBy.First : Separation(ordered[i - 1], need, points);
            ranking.Add(new RankedNeed(i + 1, need.NeedId, need.Number, points[need.NeedId], need.Demand, decidedBy));
        }

        return new BordaResult(ranking, ballots.Count, Rule);
    }

    private static DecidedBy Separation(NeedForRanking above, NeedForRanking need, IReadOnlyDictionary<Guid, int> points) =>
        points[above.NeedId] != points[need.NeedId] ? DecidedBy.Points
        : above.Demand != need.Demand ? DecidedBy.Demand
        : DecidedBy.RegistrationOrder;
}
