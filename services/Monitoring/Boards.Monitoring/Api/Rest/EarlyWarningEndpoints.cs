using System.Security.Claims;
using System.Text.Json;
using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Features.AcknowledgeWarning;
using Boards.Monitoring.Features.Common;
using Boards.Monitoring.Features.ListWarnings;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Api.Rest;

public static class EarlyWarningEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapEarlyWarnings(this RouteGroupBuilder group)
    {
        group.MapGet("/warnings", ListAsync)
            .WithName("ListWarnings")
            .WithSummary("Alertas tempranas (activas, vistas o resueltas)")
            .ProducesValidationProblem();
        group.MapPost("/warnings/{id}/acknowledge", AcknowledgeAsync)
            .WithName("AcknowledgeWarning")
            .WithSummary("Dar por vista una alerta temprana, con una nota")
            .Accepts<AcknowledgeWarningRequest>("application/json")
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<EarlyWarningResponse[]>> ListAsync(
        string? municipality, string? status, ClaimsPrincipal user, ListWarningsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok((await handler.HandleAsync(Caller.From(user), municipality, status, cancellationToken))
            .Select(EarlyWarningResponse.From).ToArray());

    /// <summary>
    /// The id and the body are read by hand, so that any malformed input gets a Spanish 400, never a 500; the role is
    /// checked before either is read.
    /// </summary>
    public static async Task<Ok<EarlyWarningResponse>> AcknowledgeAsync(
        string id, HttpRequest request, ClaimsPrincipal user, AcknowledgeWarningHandler handler, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        AcknowledgeWarningHandler.EnsureMayAcknowledge(caller);
        if (!Guid.TryParse(id, out var warningId))
        {
            throw ValidationFailedException.For("id", MonitoringMessages.UnknownWarning(Guid.Empty).Replace(Guid.Empty.ToString(), $"'{id}'"));
        }

        AcknowledgeWarningRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<AcknowledgeWarningRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            throw ValidationFailedException.For("body", MonitoringMessages.BodyInvalid);
        }

        return TypedResults.Ok(EarlyWarningResponse.From(await handler.HandleAsync(caller, warningId, body?.Note, cancellationToken)));
    }
}
