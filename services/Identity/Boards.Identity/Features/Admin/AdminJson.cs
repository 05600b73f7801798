using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boards.Identity.Features.Admin;

/// <summary>
/// Reads request bodies by hand: a partial update must know which fields were present, and malformed JSON must be a
/// 400 with a Spanish message (never the framework's empty 400 or a 500).
/// </summary>
internal static class AdminJson
{
    public static async Task<(JsonNode? Body, AdminError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body is null ? (null, new AdminError("El cuerpo de la solicitud está vacío.")) : (body, null);
        }
        catch (JsonException)
        {
            return (null, new AdminError("El cuerpo de la solicitud no es JSON válido."));
        }
    }

    /// <summary>PostgreSQL text cannot hold NUL, and no name or code needs control characters.</summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);
}
