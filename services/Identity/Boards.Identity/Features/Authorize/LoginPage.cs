using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;

namespace Boards.Identity.Features.Authorize;

/// <summary>
/// The sign-in form. It posts back to the authorization endpoint with every original OpenID Connect parameter in
/// hidden fields, so OpenIddict validates the request again and the form needs no server-side state.
/// </summary>
internal static class LoginPage
{
    public const string UserNameField = "username";
    public const string PasswordField = "password";

    // Leaves Spanish letters readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Render(
        HttpContext context,
        OpenIddictRequest request,
        IAntiforgery antiforgery,
        bool showDemoHint,
        string? error = null,
        string? userName = null,
        int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is UserNameField or PasswordField || name == tokens.FormFieldName)
            {
                continue;
            }

            foreach (var item in (StringValues)value)
            {
                hidden.Append($"""<input type="hidden" name="{Html.Encode(name)}" value="{Html.Encode(item ?? "")}">""");
            }
        }

        var errorBlock = error is null ? "" : $"""<p class="error" role="alert">{Html.Encode(error)}</p>""";
        var demoHint = showDemoHint
            ? """<p class="hint">Cuentas de demostración: <code>focal.&lt;municipio&gt;</code>, <code>officer.&lt;institución&gt;</code>, <code>analyst</code>, <code>admin</code>.</p>"""
            : "";
        var action = Html.Encode(context.Request.PathBase + context.Request.Path);

        var page = $$"""
            <!DOCTYPE html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Iniciar sesión · Boards</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f3f5f8; color: #1d2733; margin: 0;
                     display: flex; min-height: 100vh; align-items: center; justify-content: center; }
              main { background: #fff; padding: 2rem 2.25rem; border-radius: 10px; width: 100%; max-width: 22rem;
                     box-shadow: 0 2px 12px rgba(0,0,0,.08); }
              h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
              .lead { margin: 0 0 1.5rem; color: #5a6675; font-size: .95rem; }
              label { display: block; font-weight: 600; margin: 1rem 0 .35rem; font-size: .9rem; }
              input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem .7rem;
                     border: 1px solid #c3cbd5; border-radius: 6px; font-size: 1rem; }
              button { margin-top: 1.5rem; width: 100%; padding: .7rem; border: 0; border-radius: 6px;
                       background: #0b5cad; color: #fff; font-size: 1rem; font-weight: 600; cursor: pointer; }
              button:hover { background: #094a8b; }
              .error { background: #fdecec; color: #9b1c1c; padding: .6rem .75rem; border-radius: 6px; margin: 0 0 .5rem; }
              .hint { color: #5a6675; font-size: .8rem; margin-top: 1.25rem; }
            </style>
            </head>
            <body>
            <main>
              <h1>Mesas de protección social</h1>
              <p class="lead">Ingrese con su cuenta para continuar.</p>
              {{errorBlock}}
              <form method="post" action="{{action}}">
                {{hidden}}
                <input type="hidden" name="{{Html.Encode(tokens.FormFieldName)}}" value="{{Html.Encode(tokens.RequestToken ?? "")}}">
                <label for="username">Usuario</label>
                <input id="username" name="{{UserNameField}}" type="text" autocomplete="username" required autofocus value="{{Html.Encode(userName ?? "")}}">
                <label for="password">Contraseña</label>
                <input id="password" name="{{PasswordField}}" type="password" autocomplete="current-password" required>
                <button type="submit">Ingresar</button>
              </form>
              {{demoHint}}
            </main>
            </body>
            </html>
            """;

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
