namespace Boards.Notifications.Features.Announce;

/// <summary>The Spanish words for the codes the events carry (priorities, rejection reasons, outcomes).</summary>
public static class SpanishTerms
{
    public static string Priority(string code) => code switch
    {
        "urgent" => "urgente",
        "high" => "alta",
        "normal" => "normal",
        _ => code,
    };

    public static string RejectionReason(string code) => code switch
    {
        "no_capacity" => "sin cupo",
        "not_eligible" => "la persona no cumple los requisitos",
        "service_not_offered" => "el servicio no se ofrece",
        "incomplete_information" => "información incompleta",
        "duplicate" => "derivación duplicada",
        "referred_elsewhere" => "derivada a otra institución",
        "other" => "otro motivo",
        _ => code,
    };

    public static string Outcome(string code) => code switch
    {
        "got_help" => "recibió la ayuda",
        "partially_helped" => "recibió ayuda en parte",
        "could_not_contact" => "no se pudo contactar a la persona",
        "not_eligible" => "la persona no cumplía los requisitos",
        "no_capacity" => "sin cupo",
        "declined_by_person" => "la persona no aceptó",
        "referred_elsewhere" => "derivada a otra institución",
        _ => code,
    };

    public static string Deadline(string deadline) =>
        deadline == ReferralDeadline.CounterReferral ? "la contrarreferencia" : "la aceptación";
}
