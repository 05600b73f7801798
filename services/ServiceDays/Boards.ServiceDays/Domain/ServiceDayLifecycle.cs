namespace Boards.ServiceDays.Domain;

/// <summary>
/// planned → confirmed → held → reported, or cancelled from planned or confirmed. A reported day may be reported again
/// (a corrected report). Everything else is refused with a Spanish reason.
/// </summary>
public static class ServiceDayLifecycle
{
    public static readonly IReadOnlyDictionary<string, ServiceDayStatus> Codes = new Dictionary<string, ServiceDayStatus>(StringComparer.Ordinal)
    {
        ["planned"] = ServiceDayStatus.Planned,
        ["confirmed"] = ServiceDayStatus.Confirmed,
        ["held"] = ServiceDayStatus.Held,
        ["reported"] = ServiceDayStatus.Reported,
        ["cancelled"] = ServiceDayStatus.Cancelled,
    };

    public static string Code(this ServiceDayStatus status) => Codes.Single(c => c.Value == status).Key;

    public static string Spanish(this ServiceDayStatus status) => status switch
    {
        ServiceDayStatus.Planned => "planificada",
        ServiceDayStatus.Confirmed => "confirmada",
        ServiceDayStatus.Held => "realizada",
        ServiceDayStatus.Reported => "con informe presentado",
        _ => "cancelada",
    };

    public static bool CanMove(ServiceDayStatus from, ServiceDayStatus to) => (from, to) switch
    {
        (ServiceDayStatus.Planned, ServiceDayStatus.Confirmed) => true,
        (ServiceDayStatus.Confirmed, ServiceDayStatus.Held) => true,
        (ServiceDayStatus.Held, ServiceDayStatus.Reported) => true,
        (ServiceDayStatus.Reported, ServiceDayStatus.Reported) => true,
        (ServiceDayStatus.Planned or ServiceDayStatus.Confirmed, ServiceDayStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Attendance and new referrals are taken on the day: once confirmed and until the day is closed.</summary>
    public static bool TakesAttendance(ServiceDayStatus status) => status is ServiceDayStatus.Confirmed or ServiceDayStatus.Held;

    public static bool CanEdit(ServiceDayStatus status) => status == ServiceDayStatus.Planned;

    /// <summary>Why the move is refused, for a person.</summary>
    public static string Refusal(ServiceDayStatus from, ServiceDayStatus to) => to switch
    {
        ServiceDayStatus.Confirmed => $"Solo una jornada planificada puede confirmarse; esta está {from.Spanish()}.",
        ServiceDayStatus.Held => $"Solo una jornada confirmada puede marcarse como realizada; esta está {from.Spanish()}.",
        ServiceDayStatus.Reported => $"El informe de cierre se presenta cuando la jornada fue realizada; esta está {from.Spanish()}.",
        ServiceDayStatus.Cancelled => $"Solo una jornada planificada o confirmada puede cancelarse; esta está {from.Spanish()}.",
        _ => $"La jornada está {from.Spanish()}: no puede pasar a {to.Spanish()}.",
    };
}
