namespace Boards.Gateway.ApiReference;

/// <summary>Every REST API behind the gateway, in the order the reference lists them; titles and descriptions are what people read.</summary>
public static class ApiDocuments
{
    public static IReadOnlyList<ApiDocument> All { get; } =
    [
        new("referrals", "referrals", "Derivaciones",
            "Derivaciones y contrarreferencias entre instituciones, el registro de la persona y el catálogo de instituciones."),
        new("membership", "membership", "Municipios y mesas",
            "El registro de municipios, las mesas con sus miembros, el punto focal, las sesiones, los acuerdos y la representatividad; " +
            "y los clientes integradores que registra el ministerio."),
        new("needs", "needs", "Necesidades y oferta",
            "Las rondas de evaluación de necesidades y su priorización, y la oferta de servicios de cada municipio con su capacidad."),
        new("servicedays", "servicedays", "Jornadas de servicios",
            "Las jornadas de servicios: planificación, asistencia registrada por lotes y las derivaciones del día."),
        new("planning", "planning", "Plan de acción territorial",
            "El plan de acción territorial (PAT) de cada mesa: objetivos, acciones, avance, aprobación y enmiendas."),
        new("monitoring", "monitoring", "Monitoreo",
            "Los indicadores por municipio, la vista nacional, las tendencias y las alertas tempranas."),
        new("notifications", "notifications", "Notificaciones",
            "El centro de notificaciones de cada persona y sus preferencias de correo electrónico."),
        new("participation", "participation", "Pulso de confianza y participación",
            "Las boletas con códigos de un solo uso, las respuestas en papel y la API pública con que una persona responde sin iniciar sesión."),
    ];

    public static ApiDocument? Find(string name) => All.FirstOrDefault(document => document.Name == name);
}
