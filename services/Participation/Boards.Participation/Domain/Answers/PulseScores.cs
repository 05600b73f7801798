using Boards.Participation.Contracts.Pulse;

namespace Boards.Participation.Domain.Answers;

/// <summary>
/// What a person answered: Likert items (1–5) by key, and the endowment share (0–100). Any item may be left blank, but
/// not all of them; which items fit depends on the questionnaire (the person's pulse or the members' session rating).
/// </summary>
public sealed record PulseScores(IReadOnlyDictionary<string, int> Likert, int? EndowmentShare)
{
    public bool IsEmpty => Likert.Count == 0 && EndowmentShare is null;

    /// <summary>The items given that the source's questionnaire does not ask.</summary>
    public IReadOnlyList<string> ForeignItems(string source) =>
        Likert.Keys.Where(item => !PulseItems.For(source).Contains(item)).Order(StringComparer.Ordinal).ToList();

    public bool InRange =>
        Likert.Values.All(v => v is >= ParticipationLimits.LikertMin and <= ParticipationLimits.LikertMax) &&
        EndowmentShare is null or (>= ParticipationLimits.ShareMin and <= ParticipationLimits.ShareMax);

    public bool FitsSource(string source) => !IsEmpty && InRange && ForeignItems(source).Count == 0;
}
