using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Boards.Identity.Server;

/// <summary>
/// Brute-force detection for client secrets: a client locked by <see cref="SignInThrottle"/> gets no token, even with the
/// right secret, until the lock ends. Runs before anything else validates the token request.
/// </summary>
public sealed class ClientLockout(SignInThrottle throttle, TimeProvider clock) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    /// <summary>Set on a request refused for the lock: it is not counted as one more failure, and keeps its own Spanish text.</summary>
    public const string RefusedForLock = "boards:refused-for-lock";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<ClientLockout>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.ClientId is not { Length: > 0 } clientId ||
            await throttle.LockedUntilAsync(SignInThrottle.ClientKey(clientId), context.CancellationToken) is not { } until)
        {
            return;
        }

        context.Transaction.Properties[RefusedForLock] = true;
        var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
        context.Reject(Errors.InvalidClient,
            $"Demasiados intentos fallidos: el cliente '{clientId}' queda bloqueado por {minutes} minuto(s). Intente más tarde.");
    }
}

/// <summary>Counts a token request refused for the client's credentials against the client, and clears the count on a token.</summary>
public sealed class ClientFailureCounter(SignInThrottle throttle) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<ClientFailureCounter>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Request?.ClientId is not { Length: > 0 } clientId || context.Transaction.Properties.ContainsKey(ClientLockout.RefusedForLock))
        {
            return;
        }

        var key = SignInThrottle.ClientKey(clientId);
        if (context.Response.Error == Errors.InvalidClient)
        {
            await throttle.RecordFailureAsync(key, context.CancellationToken);
        }
        else if (context.Response.Error is null && context.Request.GrantType == GrantTypes.ClientCredentials)
        {
            await throttle.RecordSuccessAsync(key, context.CancellationToken);
        }
    }
}
