namespace Boards.Participation.Features.Common;

/// <summary>What people read (Spanish), in one place.</summary>
public static class PulseMessages
{
    /// <summary>
    /// The one answer to a code that cannot be answered: unknown, mistyped, used or expired alike, so that the answer
    /// tells nothing about which (no oracle).
    /// </summary>
    public const string CodeRefused =
        "Este código no se puede usar: puede estar mal escrito, ya haber sido respondido o estar vencido. Cada código sirve para una sola respuesta.";

    public const string CodeRefusedTitle = "Código no válido.";

    public const string Thanks = "¡Gracias! Su respuesta quedó registrada de forma anónima.";

    public const string CodeRequired = "Escriba el código de su boleta (por ejemplo ABCD-EFGH-JKMN).";

    public const string NothingAnswered = "Responda al menos una pregunta.";

    public static string NotAsked(string item) => $"Esta encuesta no incluye la pregunta '{item}'.";

    public static string OneOf(IEnumerable<string> values) => $"Use uno de estos valores: {string.Join(", ", values)}.";
}
