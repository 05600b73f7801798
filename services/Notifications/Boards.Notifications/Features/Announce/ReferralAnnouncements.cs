using System.Globalization;
using Boards.Referrals.Contracts.Events;

namespace Boards.Notifications.Features.Announce;

/// <summary>
/// What each referral event and deadline step says, and to whom. Institutions, municipalities and dates only: the
/// events carry no personal data, and neither do these texts.
/// </summary>
public sealed class ReferralAnnouncements(Announcer announcer, Names names)
{
    /// <summary>The institution code of the municipality itself (data/reference/institutions.csv): the board's own referrals.</summary>
    public const string BoardOrigin = "municipalidad";

    private const string Requested = "requested";
    private const string Accepted = "accepted";
    private const string Rejected = "rejected";
    private const string CounterReferred = "counter_referred";

    public async Task ReceivedAsync(ReferralRequested e, CancellationToken ct)
    {
        var where = await names.MunicipalityAsync(e.DestinationMunicipalityCode, ct);
        var message = new Message(
            $"Nueva derivación para {names.Institution(e.DestinationInstitution)}",
            $"{names.Institution(e.OriginInstitution)} derivó una persona a {names.Institution(e.DestinationInstitution)} en {where} " +
            $"(prioridad {SpanishTerms.Priority(e.Priority)}). Debe aceptarse o rechazarse antes del {When(e.AcceptBy)}.",
            Link(e.ReferralId));
        await announcer.AnnounceAsync($"{KeyPrefix(e.ReferralId)}{Requested}", NotificationKinds.ReferralReceived,
            Audience.Officers(e.DestinationInstitution, e.DestinationMunicipalityCode), message, e.DestinationMunicipalityCode, ct);
    }

    /// <summary>The origin hears the answer: <paramref name="what"/> completes "La derivación … fue …".</summary>
    public async Task AnsweredAsync(ReferralEvent e, string step, string title, string what, CancellationToken ct)
    {
        var where = await names.MunicipalityAsync(e.DestinationMunicipalityCode, ct);
        var message = new Message(
            title,
            $"La derivación que {names.Institution(e.OriginInstitution)} envió a {names.Institution(e.DestinationInstitution)} en {where} {what}",
            Link(e.ReferralId));
        var keys = AnswerKeys(e, step);
        var drafts = new List<AnnouncementDraft>
        {
            new(keys[0], NotificationKinds.ReferralAnswered, Audience.Officers(e.OriginInstitution, e.MunicipalityCode), message, e.MunicipalityCode),
        };
        if (keys.Length > 1)
        {
            drafts.Add(new(keys[1], NotificationKinds.ReferralAnswered, Audience.FocalPoint(e.MunicipalityCode), message, e.MunicipalityCode));
        }

        await announcer.AnnounceAsync(drafts, ct);
    }

    /// <summary>The origin's officers; for a referral the board itself sent (origin: the municipality), its focal point too.</summary>
    private static string[] AnswerKeys(ReferralEvent e, string step) => e.OriginInstitution == BoardOrigin
        ? [$"{KeyPrefix(e.ReferralId)}{step}", $"{KeyPrefix(e.ReferralId)}{step}:focal_point"]
        : [$"{KeyPrefix(e.ReferralId)}{step}"];

    public Task AcceptedAsync(ReferralAccepted e, CancellationToken ct) =>
        AnsweredAsync(e, Accepted, $"{names.Institution(e.DestinationInstitution)} aceptó una derivación",
            $"fue aceptada. La contrarreferencia vence el {When(e.CounterReferBy)}.", ct);

    public Task RejectedAsync(ReferralRejected e, CancellationToken ct) =>
        AnsweredAsync(e, Rejected, $"{names.Institution(e.DestinationInstitution)} rechazó una derivación",
            $"fue rechazada. Motivo: {SpanishTerms.RejectionReason(e.Reason)}.", ct);

    public Task CounterReferredAsync(ReferralCounterReferred e, CancellationToken ct) =>
        AnsweredAsync(e, CounterReferred, $"Contrarreferencia de {names.Institution(e.DestinationInstitution)}",
            $"fue cerrada con la contrarreferencia: {SpanishTerms.Outcome(e.Outcome)}.", ct);

    /// <summary>One step of a deadline's chain: due soon and overdue to the officers, then the focal point, then analysts.</summary>
    public async Task DeadlineStepAsync(TrackedReferral r, string deadline, string step, DateTimeOffset dueAt, CancellationToken ct)
    {
        var where = await names.MunicipalityAsync(r.DestinationMunicipality, ct);
        var institution = names.Institution(r.DestinationInstitution);
        var what = SpanishTerms.Deadline(deadline);
        var (audience, title, body) = step switch
        {
            EscalationStep.DueSoon => (Audience.Officers(r.DestinationInstitution, r.DestinationMunicipality),
                $"Derivación por vencer en {where}",
                $"Una derivación a {institution} en {where} espera {what} antes del {When(dueAt)}."),
            EscalationStep.Overdue => (Audience.Officers(r.DestinationInstitution, r.DestinationMunicipality),
                $"Derivación vencida en {where}",
                $"Venció el plazo de {what} de una derivación a {institution} en {where} ({When(dueAt)})."),
            EscalationStep.FocalPoint => (Audience.FocalPoint(r.DestinationMunicipality),
                $"Derivación sin respuesta en {where}",
                $"El plazo de {what} de una derivación a {institution} venció el {When(dueAt)} y sigue sin respuesta. " +
                "Le avisamos como punto focal de la mesa para que lo trate con la institución."),
            _ => (Audience.Analysts(),
                $"Escalamiento al Ministerio: derivación vencida en {where}",
                $"El plazo de {what} de una derivación a {institution} en {where} venció el {When(dueAt)}; " +
                "ni la institución ni la mesa lograron resolverla."),
        };
        await announcer.AnnounceAsync(DeadlineKey(r.ReferralId, deadline, step), NotificationKinds.ReferralDeadline,
            audience, new Message(title, body, Link(r.ReferralId)), r.DestinationMunicipality, ct);
    }

    /// <summary>
    /// The referral is seen here for the first time (its tracked row is new in this unit of work): nothing has been
    /// announced for it, since every announcement of a referral is written with its row at hand and rows are never deleted.
    /// </summary>
    public void FirstSeen(Guid referralId) => announcer.FirstSeen(KeyPrefix(referralId));

    // What each event's announcement will look up, noted before the handlers of a batch run (Announcer.Expect).
    public void ExpectReceived(ReferralRequested e) => announcer.Expect([$"{KeyPrefix(e.ReferralId)}{Requested}"]);

    public void ExpectAccepted(ReferralAccepted e) => announcer.Expect(AnswerKeys(e, Accepted));

    public void ExpectRejected(ReferralRejected e) => announcer.Expect(AnswerKeys(e, Rejected));

    public void ExpectCounterReferred(ReferralCounterReferred e) => announcer.Expect(AnswerKeys(e, CounterReferred));

    public void ExpectOverdue(ReferralOverdue e) => announcer.Expect([DeadlineKey(e.ReferralId, e.Deadline, EscalationStep.Overdue)]);

    private static string DeadlineKey(Guid referralId, string deadline, string step) => $"{KeyPrefix(referralId)}{deadline}:{step}";

    private static string KeyPrefix(Guid referralId) => $"referral:{referralId}:";

    private static string Link(Guid referralId) => $"/referencias/{referralId}";

    public static string When(DateTimeOffset instant) =>
        ParaguayTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
