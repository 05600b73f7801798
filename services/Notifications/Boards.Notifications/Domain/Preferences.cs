using System.Globalization;

namespace Boards.Notifications.Domain;

/// <summary>
/// A person's choice, per kind, of e-mail immediately, in the daily digest, or not at all, and the time of their digest
/// (Paraguay time). A person who never chose has none stored: every kind immediately, the digest at the default time.
/// </summary>
public sealed class Preferences
{
    private Preferences()
    {
    }

    public string Subject { get; private set; } = "";

    /// <summary>Null: the default time (Notifications:Digest:DefaultTime).</summary>
    public TimeOnly? DigestTime { get; private set; }

    /// <summary>Kind to mode; a kind not listed is immediate.</summary>
    public Dictionary<string, string> Modes { get; private set; } = new(StringComparer.Ordinal);

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Preferences For(string subject) => new() { Subject = subject };

    public string ModeOf(string kind) => Modes.TryGetValue(kind, out var mode) ? mode : DeliveryMode.Immediate;

    /// <summary>Applies a change already validated (<see cref="PreferenceRules"/>): the kinds named change, the rest stay.</summary>
    public void Change(TimeOnly? digestTime, IReadOnlyDictionary<string, string> modes, DateTimeOffset now)
    {
        if (digestTime is { } time)
        {
            DigestTime = time;
        }

        var merged = new Dictionary<string, string>(Modes, StringComparer.Ordinal);
        foreach (var (kind, mode) in modes)
        {
            merged[kind] = mode;
        }

        Modes = merged;
        UpdatedAt = now;
    }
}

/// <summary>What a preference may say: known kinds, known modes, and a time of day written HH:mm.</summary>
public static class PreferenceRules
{
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
