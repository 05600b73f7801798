using Boards.Notifications.Features.Digest;
using Boards.Notifications.Features.Directory;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Preferences;

/// <summary>Reads and changes the caller's own preferences; a change that makes no sense is refused naming the field.</summary>
public sealed class PreferencesHandler(NotificationsDbContext db, IPeopleDirectory directory, IOptions<DigestOptions> digest, TimeProvider clock)
{
    public async Task<PreferencesView> GetAsync(Caller caller, CancellationToken ct)
    {
        var stored = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.Subject == caller.Subject, ct);
        return await ViewAsync(caller, stored, ct);
    }

    public async Task<PreferencesView> ChangeAsync(Caller caller, PreferencesChange change, CancellationToken ct)
    {
        var (time, modes) = Validate(change);
        var stored = await db.Preferences.FirstOrDefaultAsync(p => p.Subject == caller.Subject, ct);
        if (time is null && modes.Count == 0)
        {
            // Nothing asked for: nothing stored.
            return await ViewAsync(caller, stored, ct);
        }

        if (stored is null)
        {
            stored = Domain.Preferences.For(caller.Subject);
            db.Preferences.Add(stored);
        }

        stored.Change(time, modes, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ViewAsync(caller, stored, ct);
    }

    private static (TimeOnly? Time, Dictionary<string, string> Modes) Validate(PreferencesChange change)
    {
        var errors = new FieldErrors();
        TimeOnly? time = null;
        if (change.DigestTime is { } text)
        {
            if (text.Length > NotificationsLimits.DigestTime || !PreferenceRules.TryParseTime(text, out var parsed))
            {
                errors.Add("digestTime", "Debe ser una hora del día en formato HH:mm (de 00:00 a 23:59), hora de Paraguay.");
            }
            else
            {
                time = parsed;
            }
        }

        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, mode) in change.Kinds ?? [])
        {
            if (!NotificationKinds.All.Contains(kind))
            {
                errors.Add($"kinds.{Field(kind)}", $"Tipo de aviso desconocido. Los tipos son: {string.Join(", ", NotificationKinds.All)}.");
            }
            else if (!DeliveryMode.IsKnown(mode))
            {
                errors.Add($"kinds.{kind}", "Debe ser 'immediate' (inmediato), 'digest' (resumen diario) u 'off' (desactivado).");
            }
            else
            {
                modes[kind] = mode;
            }
        }

        errors.ThrowIfAny();
        return (time, modes);
    }

    /// <summary>An unknown kind is echoed in the field name only when short and printable (it is the caller's own text).</summary>
    private static string Field(string kind) =>
        kind.Length <= NotificationsLimits.Kind && kind.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? kind : "?";

    private async Task<PreferencesView> ViewAsync(Caller caller, Domain.Preferences? stored, CancellationToken ct)
    {
        string? email = null;
        var known = true;
        try
        {
            email = (await directory.FindBySubjectAsync(caller.Subject, ct))?.Email;
        }
        catch (DirectoryUnavailableException)
        {
            known = false;
        }

        var time = stored?.DigestTime ?? digest.Value.Default;
        return new PreferencesView(
            PreferenceRules.Format(time),
            string.IsNullOrWhiteSpace(email) ? null : email,
            known,
            [.. NotificationKinds.All.Select(kind => new KindPreference(kind, KindTitles.Of(kind), stored?.ModeOf(kind) ?? DeliveryMode.Immediate))]);
    }
}
