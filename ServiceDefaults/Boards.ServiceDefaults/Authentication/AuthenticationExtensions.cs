using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Boards.ServiceDefaults.Authentication;

public static class AuthenticationExtensions
{
    public const string DefaultAudience = "boards-api";

    /// <summary>
    /// Bearer tokens from the OpenID Connect authority in <c>Identity:Authority</c> (Keycloak, or our development
    /// provider at the same paths). Every endpoint needs a token unless it says AllowAnonymous.
    /// </summary>
    public static TBuilder AddBoardsAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = builder.Configuration.GetSection("Identity");
        var authority = identity["Authority"] ?? "http://localhost:5070/realms/boards";
        var audience = identity["Audience"] ?? DefaultAudience;
        var requireHttps = identity.GetValue<bool?>("RequireHttpsMetadata") ?? !builder.Environment.IsDevelopment();

        builder.Services.AddTransient<IClaimsTransformation, KeycloakRolesClaimsTransformation>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = audience;
                options.RequireHttpsMetadata = requireHttps;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = BoardsClaimTypes.UserName;
                options.TokenValidationParameters.RoleClaimType = BoardsClaimTypes.Role;
                options.TokenValidationParameters.ValidIssuer = identity["Issuer"] ?? authority;
                options.TokenValidationParameters.ValidAudience = audience;
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(BoardsPolicies.AnyBoardsRole, policy => policy.RequireRole(BoardsRoles.All))
            .AddPolicy(BoardsPolicies.MinistryAdmin, policy => policy.RequireRole(BoardsRoles.MinistryAdmin));

        return builder;
    }
}
