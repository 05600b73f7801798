using System.ComponentModel.DataAnnotations;

namespace Boards.Notifications.Features.Preferences;

public sealed record KindPreference(string Kind, string Title, string Mode);

/// <summary>
/// A person's choices. <c>Email</c> is their address at the identity provider (null: none, so only the portal tells them);
/// <c>EmailKnown</c> is false when the provider could not be asked just now.
/// </summary>
public sealed record PreferencesView(string DigestTime, string? Email, bool EmailKnown, IReadOnlyList<KindPreference> Kinds);

/// <summary>PUT body: the digest time ("HH:mm", Paraguay time) and/or modes by kind; what is left out stays.</summary>
public sealed record PreferencesChange([property: MaxLength(NotificationsLimits.DigestTime)] string? DigestTime, Dictionary<string, string>? Kinds);

/// <summary>The Spanish name of each kind, as the preferences page shows it.</summary>
public static class KindTitles
{
    public static string Of(string kind) => kind switch
    {
        NotificationKinds.ReferralReceived => "Nuevas derivaciones a mi institución",
        NotificationKinds.ReferralAnswered => "Respuestas a las derivaciones de mi institución (aceptada, rechazada, contrarreferida)",
        NotificationKinds.ReferralDeadline => "Plazos de derivaciones por vencer o vencidos, y sus escalamientos",
        NotificationKinds.EarlyWarning => "Alertas tempranas de mi municipio",
        NotificationKinds.PlanActionOverdue => "Acciones del PAT de mi institución vencidas",
        NotificationKinds.AgreementDue => "Acuerdos de sesión por vencer",
        NotificationKinds.ServiceDayTomorrow => "Jornadas de servicios del día siguiente",
        _ => kind,
    };
}
