using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Server;

public static class OpenIddictServerSetup
{
    public static IHostApplicationBuilder AddOpenIddictServer(this IHostApplicationBuilder builder, IdentitySettings settings)
    {
        var environment = builder.Environment;
        var signingKey = PersistedKeys.Load(settings.KeysPath, "signing-key", settings.CreateMissingKeys);
        var encryptionKey = PersistedKeys.Load(settings.KeysPath, "encryption-key", settings.CreateMissingKeys);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(settings.Issuer)
                    .SetConfigurationEndpointUris(KeycloakPaths.Discovery)
                    .SetJsonWebKeySetEndpointUris(KeycloakPaths.Certs)
                    .SetAuthorizationEndpointUris(KeycloakPaths.Authorization)
                    .SetTokenEndpointUris(KeycloakPaths.Token)
                    .SetUserInfoEndpointUris(KeycloakPaths.UserInfo)
                    .SetEndSessionEndpointUris(KeycloakPaths.Logout);

                server.AllowAuthorizationCodeFlow()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();

                // S256 only, as the realm export requires: "plain" would let an intercepted challenge be replayed.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                // Demo users sign in with a password only here; elsewhere the grant is unknown (unsupported_grant_type).
                if (environment.IsDevelopment())
                {
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, BoardsScopes.Api, .. BoardsScopes.Areas]);
                server.RegisterClaims(
                    BoardsClaimTypes.Subject, BoardsClaimTypes.UserName, BoardsClaimTypes.Name, BoardsClaimTypes.ClientId,
                    BoardsClaimTypes.RealmAccess, KeycloakIdentity.ResourceAccessClaim, BoardsClaimTypes.Municipality,
                    BoardsClaimTypes.Institution, BoardsClaimTypes.Municipalities, BoardsClaimTypes.RateLimit);

                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(10));

                // Services validate plain signed JWTs, as they would Keycloak's.
                server.DisableAccessTokenEncryption()
                    .AddSigningKey(signingKey)
                    .AddEncryptionKey(encryptionKey);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!environment.IsProduction())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                server.AddEventHandler(SpanishErrorDescriptions.Descriptor);
                server.AddEventHandler(ClientLockout.Descriptor);
                server.AddEventHandler(ClientFailureCounter.Descriptor);
            })
            // The admin API accepts this server's own access tokens: validated in-process with its keys and issuer.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        return builder;
    }
}
