using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Testing.Calls;

/// <summary>
/// The request a module's code runs in when it calls another module (docs/architecture.md, "Calls between modules"):
/// an HTTP request carrying the bearer token, whose user is what the hosting service's own authentication makes of
/// it. The gRPC adapter forwards the token; the in-process adapter takes the user.
/// </summary>
public static class CallerRequest
{
    /// <summary>A request with <paramref name="token"/> (none: anonymous), authenticated by <paramref name="services"/>' scheme.</summary>
    public static async Task<HttpContext> AuthenticatedAsync(IServiceProvider services, string? token)
    {
        var context = new DefaultHttpContext();
        if (token is not null)
        {
            await using var scope = services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            context.Request.Headers.Authorization = $"Bearer {token}";
            var result = await context.AuthenticateAsync();
            context.User = result.Succeeded ? result.Principal : throw new InvalidOperationException($"The token was refused: {result.Failure?.Message}");
            context.RequestServices = null!;
        }

        return context;
    }

    /// <summary>
    /// Makes <paramref name="context"/> the current request of the calling test (synchronous on purpose: the value set
    /// here flows on through the test's awaits, which an async method's would not).
    /// </summary>
    public static void Enter(HttpContext? context) => new HttpContextAccessor().HttpContext = context;
}
