using Boards.ServiceDefaults.Http;
using System.Globalization;
using Boards.BuildingBlocks.Data;
using Boards.Portal.Authentication;
using Boards.Portal.Data;
using Boards.Portal.Components;
using Boards.Portal.Live;
using Boards.Portal.Ministry;
using Boards.Portal.Ministry.Reports;
using Boards.Portal.Naming;
using Boards.Portal.Notifications;
using Boards.Portal.OpenData;
using Boards.Portal.Plan;
using Boards.Portal.Security;
using Boards.Portal.ServiceDays.Tablet;
using Boards.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace Boards.Portal;

public static class PortalExtensions
{
    /// <summary>Spanish (Paraguay) first; English available through the language switch.</summary>
    public static readonly CultureInfo[] Cultures = [new("es-PY"), new("en")];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var options = PortalOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            localization.SupportedCultures = Cultures;
            localization.SupportedUICultures = Cultures;
            // Only the person's choice (cookie) or the query string; the browser's language does not override Spanish.
            localization.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddHttpContextAccessor();
        builder.AddServiceDatabase<PortalDbContext>(PortalDbContext.ConnectionName);
        builder.AddSharedKeyRing<PortalDbContext>("boards-portal");
        builder.Services.AddPortalAuthentication(options);
        builder.Services.AddTransient<BearerTokenHandler>();
        builder.Services.AddHttpClient<BoardsApi>(client =>
            {
                client.BaseAddress = options.GatewayUrl;
                client.Timeout = options.ApiTimeout;
            })
            .AddHttpMessageHandler<BearerTokenHandler>()
            // A person at a desk should hear at once that a service is down: one attempt within Portal:ApiTimeoutSeconds.
            .WithoutResilience();
        // The pulse's public answer page calls the gateway without a token, with the person's address (Pulse/).
        builder.Services.AddTransient<Pulse.ForwardedForHandler>();
        builder.Services.AddHttpClient<Pulse.PublicPulseApi>(client =>
            {
                client.BaseAddress = options.GatewayUrl;
                client.Timeout = options.ApiTimeout;
            })
            .AddHttpMessageHandler<Pulse.ForwardedForHandler>()
            .WithoutResilience();
        builder.Services.AddMemoryCache();
        builder.Services.AddResponseCompression(compression => compression.EnableForHttps = true);
        builder.Services.AddScoped<NameBook>();
        builder.Services.AddRazorComponents();
        // Over https (directly or at a trusted ingress) the antiforgery cookie is Secure like every other; ASP.NET Core's
        // default leaves it without the flag even then.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.AddLiveUpdates();
        builder.AddOpenDataPage();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseBoardsForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // The tablet page's shell is the one HTML answer compressed here: it holds no secret and echoes nothing typed
        // (compressing pages with antiforgery tokens in them would open them to BREACH).
        app.UseWhen(TabletEndpoints.IsShell, shell => shell.UseResponseCompression());
        app.UseRequestLocalization();
        // A new scope: a page that answers 404 has already rendered in this one, and Blazor refuses to render twice in it.
        app.UseStatusCodePagesWithReExecute("/no-encontrado", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDefaultEndpoints();

        app.MapGet("/cuenta/ingresar", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [PortalAuthentication.OidcScheme]))
            .AllowAnonymous();
        app.MapPost("/cuenta/salir", async (HttpContext http, IAntiforgery antiforgery) =>
            {
                await antiforgery.ValidateRequestAsync(http);
                // Whatever a page kept in this browser (a service day's queue, a form's draft) goes with the session.
                http.Response.Headers["Clear-Site-Data"] = "\"storage\"";
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [PortalAuthentication.CookieScheme, PortalAuthentication.OidcScheme]);
            })
            .DisableAntiforgery();
        app.MapGet("/idioma/{culture}", (string culture, string? returnUrl, HttpContext http) =>
            {
                var chosen = Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
                return Results.LocalRedirect(LocalUrl(returnUrl));
            })
            .AllowAnonymous();

        app.MapMinistryDownloads();
        app.MapReportDocuments();
        app.MapLiveStream();
        app.MapPlanDocuments();
        app.MapNotificationCount();
        app.MapServiceDayTablet();
        app.MapOpenDataDownloads();

        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// Only paths of this site: an absolute or protocol-relative URL becomes the home page (no open redirect). Browsers
    /// drop tabs and line breaks inside a URL ("/\t/evil.example" is "//evil.example" to them), so control characters
    /// are removed before the address is judged.
    /// </summary>
    public static string LocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "/";
        }

        var clean = url.Any(char.IsControl) ? string.Concat(url.Where(c => !char.IsControl(c))) : url;
        return clean.Length > 0 && clean[0] == '/' && (clean.Length == 1 || (clean[1] != '/' && clean[1] != '\\')) ? clean : "/";
    }
}
