namespace Boards.Portal.Live;

/// <summary>
/// "Something you may be looking at changed": a topic and whom it concerns, never the data itself (no personal data
/// travels this way). The page that receives it fetches itself again with the person's own token.
/// </summary>
public sealed record LiveSignal(string Topic, IReadOnlyCollection<string> Municipalities, IReadOnlyCollection<string> Institutions);

public static class LiveTopics
{
    /// <summary>The referral inbox (/referencias).</summary>
    public const string Referrals = "referencias";

    /// <summary>The national table and the drill-down (/ministerio).</summary>
    public const string Municipalities = "municipios";

    /// <summary>The early warnings (/ministerio/alertas).</summary>
    public const string Warnings = "alertas";

    public static bool IsKnown(string topic) => topic is Referrals or Municipalities or Warnings;
}
