namespace Boards.Portal.Security;

/// <summary>
/// Headers on every answer of the portal: no other site may frame it (clickjacking), browsers must not guess content
/// types, and links to other sites carry only the origin. Set when the answer starts, so that error pages, redirects
/// and status-code pages carry them too. Over https, browsers are told to use nothing else for a year (HSTS).
/// </summary>
public static class SecurityHeaders
{
    // Only directives that cannot break the Blazor pages: scripts and styles stay as they are.
    public const string ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (context.Request.IsHttps)
                {
                    // Https as the person used it (directly, or at a trusted ingress: see ForwardedHeadersSetup).
                    headers.StrictTransportSecurity = "max-age=31536000";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}
