using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Server;

/// <summary>
/// OpenIddict reads form posts inside the authentication middleware, where a body ASP.NET Core cannot decode
/// (a %00, too many fields) would surface as a 500. Reading it first turns that into a protocol error; the parsed
/// form is cached, so OpenIddict reads it again for free.
/// </summary>
public static class MalformedFormGuard
{
    public static IApplicationBuilder UseMalformedFormGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.Response.Headers.CacheControl = "no-store";
                    await context.Response.WriteAsJsonAsync(
                        new Dictionary<string, string>
                        {
                            ["error"] = Errors.InvalidRequest,
                            ["error_description"] = "El formulario contiene caracteres o campos no válidos.",
                        },
                        context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
}
