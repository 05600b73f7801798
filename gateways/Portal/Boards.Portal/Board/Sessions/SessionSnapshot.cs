using System.Security.Cryptography;
using System.Text;

namespace Boards.Portal.Board.Sessions;

/// <summary>What changed in a session since someone opened its correction form.</summary>
public enum SessionChangeKind
{
    Closed,
    Minutes,
    Attendance,
    AgreementStatus,
}

public sealed record SessionChange(SessionChangeKind Kind, AgreementView? Agreement = null);

/// <summary>
/// The parts of a session the correction form was opened with, as one hidden field: status, a hash of the minutes (not
/// the text again), the attendees and each agreement's status. When Membership refuses the correction as stale, the page
/// compares it with the session as it is now to say what someone else changed meanwhile.
/// </summary>
public static class SessionSnapshot
{
    public static string Write(SessionView session) => string.Join('|',
        session.Status,
        Hash(session.Minutes),
        string.Join(',', session.Attendees.Order()),
        string.Join(',', session.Agreements.OrderBy(a => a.Id).Select(a => $"{a.Id}={a.Status}")));

    /// <summary>What differs between the snapshot the form carried and <paramref name="now"/>; nothing when it cannot be read.</summary>
    public static IReadOnlyList<SessionChange> Changes(string? seen, SessionView now)
    {
        var parts = (seen ?? "").Split('|');
        if (parts.Length != 4)
        {
            return [];
        }

        var changes = new List<SessionChange>();
        if (parts[0] != now.Status && now.Status == "closed")
        {
            changes.Add(new(SessionChangeKind.Closed));
        }

        if (parts[1] != Hash(now.Minutes))
        {
            changes.Add(new(SessionChangeKind.Minutes));
        }

        if (parts[2] != string.Join(',', now.Attendees.Order()))
        {
            changes.Add(new(SessionChangeKind.Attendance));
        }

        var statuses = parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        changes.AddRange(now.Agreements
            .Where(a => statuses.TryGetValue(a.Id.ToString(), out var before) && before != a.Status)
            .Select(a => new SessionChange(SessionChangeKind.AgreementStatus, a)));
        return changes;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
