using System.Globalization;
using System.Security.Claims;
using Boards.Gateway.Routing;
using Boards.ServiceDefaults.Authentication;
using Boards.ServiceDefaults.Errors;
using Boards.ServiceDefaults.Http;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Gateway.Integrators;

/// <summary>
/// Before the gateway forwards an integrator's call (a validated token with role <c>integrator</c>): the route's API area
/// must be in the token's scopes, and Membership must still accept the token (<see cref="IntegratorAccessCheck"/>).
/// Refused: REST 403 problem details in Spanish, gRPC PermissionDenied. Membership unreachable: 503 / Unavailable, the
/// call is not forwarded (fail closed). People's tokens (portal, focal points, officers, the ministry) pass untouched.
/// </summary>
public static class IntegratorGate
{
    public const string Title = "Acceso del cliente integrador denegado.";

    public static IServiceCollection AddIntegratorGate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(IntegratorOptions.From(configuration));
        services.AddMemoryCache();
        services.AddSingleton<IntegratorAccessCheck>();
        // Service discovery resolves "membership"; one attempt, bounded by AccessTimeout: an answer that does not come is a 503.
        services.AddHttpClient(IntegratorAccessCheck.ClientName, client => client.BaseAddress = new Uri("http://membership"))
            .WithoutResilience();
        return services;
    }

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var user = context.User;
        var route = context.GetReverseProxyFeature().Route.Config;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(BoardsRoles.Integrator) || route.RouteId is GatewayRoutes.OpenDataRouteId or GatewayRoutes.PublicPulseRouteId)
        {
            await next();
            return;
        }

        var area = IntegratorAreas.OfRoute(route.RouteId);
        if (area is null)
        {
            await RefuseAsync(context, "Los clientes integradores no usan esta parte de la API.");
            return;
        }

        if (!IntegratorAreas.Grants(user.FindFirstValue(BoardsClaimTypes.Scope), area))
        {
            await RefuseAsync(context,
                $"Este cliente integrador no tiene el área '{area}' (alcance {IntegratorAreas.ScopePrefix}{area}). Pida al ministerio que la agregue.");
            return;
        }

        var check = context.RequestServices.GetRequiredService<IntegratorAccessCheck>();
        var answer = await check.AskAsync(BearerToken(context), ExpiresAt(user), context.RequestAborted);
        switch (answer)
        {
            case IntegratorAccessCheck.Allowed:
                await next();
                break;
            case IntegratorAccessCheck.Refused refused:
                await RefuseAsync(context, refused.Detail);
                break;
            default:
                await UnavailableAnswer.TryWriteAsync(context,
                    "No se pudo comprobar el acceso de este cliente integrador en este momento. Intente de nuevo en unos segundos.");
                break;
        }
    }

    /// <summary>403 problem details in Spanish; for gRPC, PermissionDenied as a trailers-only response.</summary>
    public static async Task RefuseAsync(HttpContext context, string detail)
    {
        var response = context.Response;
        if (UnavailableAnswer.IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "7";
            response.Headers["grpc-message"] = UnavailableAnswer.PercentEncode(detail);
            return;
        }

        response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = Title, Detail = detail };
        var writer = context.RequestServices.GetService<IProblemDetailsService>();
        if (writer is null || !await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    private static string BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }

    private static DateTimeOffset? ExpiresAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue("exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
