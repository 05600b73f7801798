using Boards.Identity.Features.Admin;
using Boards.Identity.Features.Authorize;
using Boards.Identity.Features.Logout;
using Boards.Identity.Features.Token;
using Boards.Identity.Features.UserInfo;
using Boards.Identity.Server;
using Boards.ServiceDefaults.Http;

namespace Boards.Identity;

public static class IdentityProviderExtensions
{
    public static WebApplicationBuilder AddIdentityProvider(this WebApplicationBuilder builder)
    {
        var settings = IdentitySettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);

        builder.AddIdentityData();
        builder.AddAccounts();
        builder.AddOpenIddictServer(settings);
        builder.Services.AddScoped<PrincipalFactory>();
        builder.Services.AddAdminApi();
        builder.Services.AddSignInRateLimit(builder.Configuration);

        builder.Services.AddAuthentication(SessionCookie.Scheme)
            .AddCookie(SessionCookie.Scheme, cookie =>
            {
                cookie.Cookie.Name = "boards_identity_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "boards_identity_antiforgery");
        return builder;
    }

    /// <summary>
    /// OpenIddict answers protocol requests in the authentication middleware, before any endpoint runs; the sign-in rate
    /// limit comes first.
    /// </summary>
    public static IApplicationBuilder UseIdentityProvider(this IApplicationBuilder app) =>
        app.UseBoardsForwardedHeaders().UseRateLimiter().UseMalformedFormGuard().UseAuthentication();

    /// <summary>The pass-through endpoints and the admin API; OpenIddict itself answers discovery and JWKS.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAuthorizeEndpoint();
        app.MapTokenEndpoint();
        app.MapUserInfoEndpoint();
        app.MapLogoutEndpoint();
        app.MapAdminApi();
        return app;
    }
}
