using System.Globalization;

namespace Boards.Portal.Board.Sessions;

/// <summary>
/// Membership's quorum rule (services/Membership/Boards.Membership/Domain/Sessions/Session.cs, QuorumRule), as the
/// session form previews it (wwwroot/quorum.js does the same while ticking): strictly more than <c>fraction</c> of the
/// voting members active on the session date must be present, required = floor(fraction × voting) + 1, never more than
/// the voting members; a board without voting members never has quorum. Membership's answer after saving is what counts.
/// </summary>
public static class QuorumPreview
{
    /// <summary>Membership's default (Membership:QuorumFraction): a simple majority.</summary>
    public const decimal DefaultFraction = 0.5m;

    public static int Required(int votingMembers, decimal fraction) =>
        votingMembers <= 0 ? 1 : Math.Min(votingMembers, (int)Math.Floor(fraction * votingMembers) + 1);

    /// <summary>Active on the date: designated on or before it and not yet ceased (ceased that day no longer counts).</summary>
    public static bool ActiveOn(MemberView member, DateOnly date) =>
        member.DesignatedOn <= date && (member.CeasedOn is null || member.CeasedOn > date);

    /// <summary>
    /// The fraction the next session will most likely be counted with: the newest session's (the setting it was saved
    /// under), or Membership's default when the board has none. The API does not publish the setting itself.
    /// </summary>
    public static decimal FractionFrom(IReadOnlyList<SessionView>? sessions) =>
        sessions is { Count: > 0 } ? sessions.OrderByDescending(s => s.CreatedAt).First().QuorumFraction : DefaultFraction;

    /// <summary>What the form shows before any ticking (and without script): the members ticked, on the date typed.</summary>
    public static (int Present, int Voting, int Required, bool Reached) Count(
        IEnumerable<MemberView> roster, IReadOnlyCollection<string> ticked, DateOnly date, decimal fraction)
    {
        var voting = roster.Where(m => m.Voting && ActiveOn(m, date)).ToList();
        var present = voting.Count(m => ticked.Contains(m.Id.ToString()));
        var required = Required(voting.Count, fraction);
        return (present, voting.Count, required, voting.Count > 0 && present >= required);
    }

    /// <summary>"0.5" for the script's data attribute.</summary>
    public static string Invariant(decimal fraction) => fraction.ToString(CultureInfo.InvariantCulture);

    /// <summary>The share in words' number: "50 %" (es) / "50%" (en), for the rule stated on the page.</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.CurrentCulture);
}
