using Microsoft.Extensions.Localization;

namespace Boards.Portal.Needs;

/// <summary>
/// Turns the ballot form's places into the ranking Needs counts (most urgent first). The portal checks the places
/// itself because Needs only sees the resulting list: two needs in the same place, or a gap (1 and 3 without 2), would
/// otherwise silently change the points.
/// </summary>
public static class BallotCheck
{
    public const string MemberField = "memberId";
    public const string RankingField = "ranking";

    public static string PlaceField(Guid needId) => $"place-{needId}";

    public static (List<Guid> Ranking, Dictionary<string, string[]> Errors) Read(
        BallotForm form, IReadOnlyCollection<Guid> roundNeeds, IStringLocalizer<NeedsResource> t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (!Guid.TryParse(form.MemberId, out var member) || member == Guid.Empty)
        {
            errors[MemberField] = [t["Ballot.Error.Member"]];
        }

        var places = new List<(Guid NeedId, int Place)>();
        for (var i = 0; i < form.NeedIds.Count; i++)
        {
            var text = i < form.Positions.Count ? form.Positions[i] : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var needId = form.NeedIds[i];
            if (!roundNeeds.Contains(needId) || !int.TryParse(text, out var place) || place < 1 || place > roundNeeds.Count)
            {
                errors[PlaceField(needId)] = [t["Ballot.Error.Place", roundNeeds.Count]];
                continue;
            }

            places.Add((needId, place));
        }

        foreach (var repeated in places.GroupBy(p => p.Place).Where(g => g.Count() > 1))
        {
            foreach (var (needId, _) in repeated)
            {
                errors[PlaceField(needId)] = [t["Ballot.Error.Repeated", repeated.Key]];
            }
        }

        if (places.Count == 0 && !errors.Keys.Any(k => k.StartsWith("place-", StringComparison.Ordinal)))
        {
            errors[RankingField] = [t["Ballot.Error.Empty"]];
        }
        else if (!errors.Keys.Any(k => k.StartsWith("place-", StringComparison.Ordinal)))
        {
            var missing = Enumerable.Range(1, places.Count).Except(places.Select(p => p.Place)).ToList();
            if (missing.Count > 0)
            {
                errors[RankingField] = [t["Ballot.Error.Gap", missing[0]]];
            }
        }

        return ([.. places.OrderBy(p => p.Place).Select(p => p.NeedId)], errors);
    }
}
