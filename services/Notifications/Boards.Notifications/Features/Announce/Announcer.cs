namespace Boards.Notifications.Features.Announce;

/// <summary>
/// Writes announcements into the caller's unit of work (a consumer's inbox transaction, a batch of them, a sweep's pass)
/// unless their key is already known: the same event delivered twice, or a sweep meeting an event, adds nothing. The
/// fan-out does the rest.
/// </summary>
public sealed class Announcer(NotificationsDbContext db, TimeProvider clock)
{
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);
    private readonly List<string> _firstSeen = [];
    private readonly HashSet<string> _expected = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// No key that starts with <paramref name="keyPrefix"/> can be in the table: what they belong to is written for the
    /// first time in this unit of work. Their announcements then need no look-up.
    /// </summary>
    public void FirstSeen(string keyPrefix) => _firstSeen.Add(keyPrefix);

    /// <summary>
    /// A later announcement of this unit of work may need these keys looked up (the other events of a batch): the first
    /// look-up takes them along, and theirs is then already made.
    /// </summary>
    public void Expect(IEnumerable<string> keys) => _expected.UnionWith(keys);

    public Task AnnounceAsync(string key, string kind, Audience audience, Message message, string? municipality, CancellationToken cancellationToken) =>
        AnnounceAsync([new AnnouncementDraft(key, kind, audience, message, municipality)], cancellationToken);

    /// <summary>Several announcements of one event: the keys that need it are looked up together, in one query.</summary>
    public async Task AnnounceAsync(IReadOnlyList<AnnouncementDraft> drafts, CancellationToken cancellationToken)
    {
        var fresh = drafts.Where(draft => _added.Add(draft.Key)).ToList();
        var unsure = fresh.Select(draft => draft.Key).Where(key => !IsFirstSeen(key) && !_checked.Contains(key)).ToList();
        if (unsure.Count > 0)
        {
            var keys = unsure.Concat(_expected.Where(key => !_checked.Contains(key) && !IsFirstSeen(key))).Distinct(StringComparer.Ordinal).ToList();
            _known.UnionWith(await db.Announcements.Where(a => keys.Contains(a.Key)).Select(a => a.Key).ToListAsync(cancellationToken));
            _checked.UnionWith(keys);
        }

        foreach (var draft in fresh.Where(draft => !_known.Contains(draft.Key)))
        {
            db.Announcements.Add(Announcement.Create(draft.Key, draft.Kind, draft.Audience, draft.Message, draft.Municipality, clock.GetUtcNow()));
        }
    }

    private bool IsFirstSeen(string key) => _firstSeen.Exists(prefix => key.StartsWith(prefix, StringComparison.Ordinal));
}

/// <summary>An announcement as an event or a sweep words it, before it is written.</summary>
public sealed record AnnouncementDraft(string Key, string Kind, Audience Audience, Message Message, string? Municipality);
