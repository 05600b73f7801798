using System.Security.Claims;
using Boards.Membership.Features.IntegratorClients;
using Boards.Membership.Features.IntegratorClients.CheckAccess;
using Boards.Membership.Features.IntegratorClients.Get;
using Boards.Membership.Features.IntegratorClients.List;
using Boards.Membership.Features.IntegratorClients.Register;
using Boards.Membership.Features.IntegratorClients.Revoke;
using Boards.Membership.Features.IntegratorClients.RotateSecret;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Membership.Api.Rest;

/// <summary>
/// Integrator clients under /api/integrator-clients: ministry-admin registers, lists, rotates and revokes them (the
/// handlers refuse anyone else with a Spanish 403); the access check is asked with an integrator's own token, by the
/// gateway before it forwards that integrator's call (docs/integrators.md).
/// </summary>
public static class IntegratorClientEndpoints
{
    public static IEndpointRouteBuilder MapIntegratorClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integrator-clients").WithTags("Clientes integradores").RequireAuthorization();

        group.MapGet("/", ListAsync).WithSummary("Clientes integradores, activos y revocados, del más reciente al más antiguo (ministry-admin)");
        group.MapPost("/", RegisterAsync)
            .WithSummary("Registrar un cliente integrador (ministry-admin): la respuesta trae su secreto, que no se vuelve a mostrar");
        group.MapGet("/access", CheckAccessAsync)
            .WithSummary("Con el token del propio integrador: 204 si puede seguir usándolo; 403 si el cliente fue revocado o su secreto cambió");
        group.MapGet("/{clientId}", GetAsync).WithSummary("Un cliente integrador (ministry-admin)");
        group.MapPost("/{clientId}/secret", RotateSecretAsync)
            .WithSummary("Cambiar el secreto (ministry-admin): el anterior y los tokens emitidos antes dejan de servir; el nuevo se muestra una sola vez");
        group.MapPost("/{clientId}/revoke", RevokeAsync)
            .WithSummary("Revocar el cliente (ministry-admin): se elimina en el proveedor de identidad y queda aquí como revocado");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<IntegratorClientView>>> ListAsync(
        ListIntegratorClientsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<IntegratorClientView>>([.. (await handler.HandleAsync(Caller.From(user), ct)).Select(IntegratorClientView.From)]);

    public static async Task<Created<IntegratorClientWithSecret>> RegisterAsync(
        RegisterIntegratorClientCommand command, RegisterIntegratorClientHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (client, secret) = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/integrator-clients/{client.ClientId}", IntegratorClientWithSecret.From(client, secret));
    }

    public static async Task<Ok<IntegratorClientView>> GetAsync(
        string clientId, GetIntegratorClientHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(IntegratorClientView.From(await handler.HandleAsync(clientId, Caller.From(user), ct)));

    public static async Task<Ok<IntegratorClientWithSecret>> RotateSecretAsync(
        string clientId, RotateIntegratorSecretHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (client, secret) = await handler.HandleAsync(clientId, Caller.From(user), ct);
        return TypedResults.Ok(IntegratorClientWithSecret.From(client, secret));
    }

    public static async Task<Ok<IntegratorClientView>> RevokeAsync(
        string clientId, RevokeIntegratorClientCommand command, RevokeIntegratorClientHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(IntegratorClientView.From(await handler.HandleAsync(clientId, command, Caller.From(user), ct)));

    public static async Task<NoContent> CheckAccessAsync(CheckIntegratorAccessHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        await handler.HandleAsync(user, ct);
        return TypedResults.NoContent();
    }
}
