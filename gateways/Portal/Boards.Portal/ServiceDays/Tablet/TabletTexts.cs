namespace Boards.Portal.ServiceDays.Tablet;

/// <summary>The portal's own words in the tablet's answers (ServiceDays' reasons pass through as they are).</summary>
public static class TabletTexts
{
    public const string NotAllowed = "Su cuenta no puede registrar en esta jornada.";
    public const string DayNotFound = "No encontramos esta jornada: puede haber sido eliminada.";
    public const string Unavailable = "El servicio de jornadas no respondió: lo que está en espera se enviará más tarde.";
    public const string BadSync = "Envíe entre 1 y 10 registros, cada uno con su identificador y su contenido.";
    public const string UnknownKind = "Tipo de registro desconocido: solo asistencia o referencia.";
    public const string Refused = "El servicio de jornadas rechazó el registro.";
}
