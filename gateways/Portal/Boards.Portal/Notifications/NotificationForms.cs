using System.Globalization;

namespace Boards.Portal.Notifications;

/// <summary>The "Marcar como leída" button of one notification: its value is the notification's id.</summary>
public sealed class MarkReadForm
{
    public string? Id { get; set; }
}

/// <summary>One kind's choice in the preferences form (a list, so that each row posts its kind with its mode).</summary>
public sealed class KindChoice
{
    public string Kind { get; set; } = "";
    public string? Mode { get; set; }
}

/// <summary>The preferences as typed: the digest time ("HH:mm", Paraguay time) and one mode per kind.</summary>
public sealed class PreferencesForm
{
    public string? DigestTime { get; set; }
    public List<KindChoice> Kinds { get; set; } = [];

    public static PreferencesForm From(NotificationPreferencesView preferences) => new()
    {
        DigestTime = preferences.DigestTime,
        Kinds = [.. preferences.Kinds.Select(k => new KindChoice { Kind = k.Kind, Mode = k.Mode })],
    };

    /// <summary>
    /// PUT's body: <c>{ digestTime, kinds: { "&lt;kind&gt;": "&lt;mode&gt;" } }</c>. The time goes as typed (a browser's time
    /// box sends "07:00", some add seconds: those are cut), so that Notifications judges it and names <c>digestTime</c>.
    /// </summary>
    public object Body() => new
    {
        digestTime = Time(DigestTime),
        kinds = Kinds.Where(k => !string.IsNullOrWhiteSpace(k.Kind) && !string.IsNullOrWhiteSpace(k.Mode))
            .GroupBy(k => k.Kind.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Mode!.Trim(), StringComparer.Ordinal),
    };

    private static string? Time(string? typed)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "HH:mm:ss.fff"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : text;
    }
}
