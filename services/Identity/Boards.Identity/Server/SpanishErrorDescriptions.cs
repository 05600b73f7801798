using System.Globalization;
using System.Text;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Boards.Identity.Server;

/// <summary>
/// OpenIddict describes the errors it finds itself (unknown client, wrong secret, expired code...) in English.
/// People read them (the CLI prints them, the browser shows them), so they get Spanish text here. Errors this service
/// raises itself through Forbid are already in Spanish and never pass through this event.
/// The error code and OpenIddict's error_uri stay as they are.
/// </summary>
public sealed class SpanishErrorDescriptions : IOpenIddictServerHandler<ProcessErrorContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseSingletonHandler<SpanishErrorDescriptions>()
            .SetOrder(OpenIddictServerHandlers.AttachErrorParameters.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        if (string.IsNullOrEmpty(context.Error) || context.Transaction.Properties.ContainsKey(ClientLockout.RefusedForLock))
        {
            return ValueTask.CompletedTask;
        }

        var description = context.ErrorUri?.Split('/')[^1] switch
        {
            "ID2052" => "El cliente indicado (client_id) no existe.",
            "ID2055" => "Las credenciales del cliente no son válidas.",
            _ => SpanishErrors.Describe(context.Error),
        };

        // The userinfo endpoint reports errors in the WWW-Authenticate header, which only takes ASCII.
        context.ErrorDescription = context.EndpointType == OpenIddictServerEndpointType.UserInfo
            ? SpanishErrors.WithoutDiacritics(description)
            : description;
        return ValueTask.CompletedTask;
    }
}

public static class SpanishErrors
{
    public static string Describe(string error) => error switch
    {
        Errors.InvalidRequest => "La solicitud no es válida: falta un parámetro o uno tiene un valor incorrecto.",
        Errors.InvalidClient => "No se pudo autenticar al cliente: el client_id no existe o el secreto es incorrecto.",
        Errors.InvalidGrant => "La concesión no es válida: expiró, ya fue usada o no corresponde a este cliente.",
        Errors.UnauthorizedClient => "Este cliente no está autorizado a usar el tipo de concesión solicitado.",
        Errors.UnsupportedGrantType => "Este servidor no admite el tipo de concesión solicitado.",
        Errors.UnsupportedResponseType => "Este servidor no admite el tipo de respuesta solicitado.",
        Errors.InvalidScope => "El alcance (scope) solicitado no es válido o no está permitido para este cliente.",
        Errors.InvalidToken => "El token no es válido o ya expiró.",
        Errors.InsufficientAccess or Errors.InsufficientScope => "El token no alcanza para esta operación.",
        Errors.AccessDenied => "Acceso denegado.",
        Errors.LoginRequired => "Es necesario iniciar sesión.",
        Errors.ConsentRequired => "Es necesario el consentimiento del usuario.",
        Errors.ServerError => "Error interno del servidor de identidad.",
        Errors.TemporarilyUnavailable => "El servidor de identidad no está disponible por el momento.",
        _ => $"No se pudo procesar la solicitud ({error}).",
    };

    /// <summary>For descriptions that travel in a header (WWW-Authenticate), which only takes ASCII.</summary>
    public static string WithoutDiacritics(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
}
