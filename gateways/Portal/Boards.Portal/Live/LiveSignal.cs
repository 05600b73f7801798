namespace Boards.Portal.Live;

/// <summary>
/// "Something you may be looking at changed": a topic and whom it concerns, never the data itself (no personal data
/// travels this way). The page that receives it fetches itself again with the person's own token.
/// </summary>
public sealed record LiveSignal(string Topic, IReadOnlyCollection<string> Municipalities, IReadOnlyCollection<string> Institutions)
{
    /// <summary>
    /// The people (the token's <c>sub</c>) a personal signal is for, such as a notification; empty for the signals
    /// that follow a municipality or an institution.
    /// </summary>
    public IReadOnlyCollection<string> Subjects { get; init; } = [];
}

public static class LiveTopics
{
    /// <summary>The referral inbox (/referencias).</summary>
    public const string Referrals = "referencias";

    /// <summary>The national table and the drill-down (/ministerio).</summary>
    public const string Municipalities = "municipios";

    /// <summary>The early warnings (/ministerio/alertas).</summary>
    public const string Warnings = "alertas";

    /// <summary>One person's notifications: the bell's unread count on every page, and /notificaciones.</summary>
    public const string Notifications = "notificaciones";

    public static readonly IReadOnlyList<string> All = [Referrals, Municipalities, Warnings, Notifications];

    public static bool IsKnown(string topic) => All.Contains(topic);

    /// <summary>
    /// The topics of one stream, comma-separated ("referencias,notificaciones"): a page's list and its bell share one
    /// connection, since a browser keeps only six per site. Null when one is unknown.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string? topics)
    {
        var wanted = (topics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count > 0 && wanted.All(IsKnown) ? wanted : null;
    }
}
