using Boards.Monitoring.Domain;
using Boards.BuildingBlocks.Api.Limits;
using System.Security.Claims;
using System.Text.Json;
using Boards.Monitoring.Domain.EarlyWarnings;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Features.EarlyWarnings;

public sealed record EarlyWarningResponse(
    Guid Id,
    string MunicipalityCode,
    string Rule,
    string RuleTitle,
    string Status,
    string Evidence,
    IReadOnlyDictionary<string, decimal> Figures,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt)
{
    public static EarlyWarningResponse From(EarlyWarning w) => new(
        w.Id, w.MunicipalityCode, w.Rule, w.RuleTitle, w.Status, w.Evidence, w.Figures, w.RaisedAt,
        w.AcknowledgedAt, w.AcknowledgedBy, w.AcknowledgementNote, w.ResolvedAt);
}

/// <summary>The body of an acknowledgement. Read by hand (see AcknowledgeAsync): the note's maximum, shown in the OpenAPI document, is checked by <see cref="AcknowledgeWarningCommand"/>.</summary>
public sealed record AcknowledgeWarningRequest([property: MaxText(MonitoringLimits.Note)] string? Note);

public static class EarlyWarningEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapEarlyWarnings(this RouteGroupBuilder group)
    {
        group.MapGet("/warnings", ListAsync)
            .WithName("ListWarnings")
            .WithSummary("Alertas tempranas (activas, vistas o resueltas)");
        group.MapPost("/warnings/{id}/acknowledge", AcknowledgeAsync)
            .WithName("AcknowledgeWarning")
            .WithSummary("Dar por vista una alerta temprana, con una nota")
            .Accepts<AcknowledgeWarningRequest>("application/json");
        return group;
    }

    public static async Task<Results<Ok<EarlyWarningResponse[]>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? municipality, string? status, ClaimsPrincipal user, ListWarningsQuery query, CancellationToken cancellationToken) =>
        await query.HandleAsync(Caller.From(user), municipality, status, cancellationToken) switch
        {
            QueryResult<IReadOnlyList<EarlyWarning>>.Found found => TypedResults.Ok(found.Value.Select(EarlyWarningResponse.From).ToArray()),
            QueryResult<IReadOnlyList<EarlyWarning>>.Invalid invalid => RestResults.Invalid(invalid.Field, invalid.Message),
            QueryResult<IReadOnlyList<EarlyWarning>>.Forbidden forbidden => RestResults.Forbidden(forbidden.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };

    /// <summary>The id and the body are read by hand, so that any malformed input gets a Spanish 400, never a 500.</summary>
    public static async Task<Results<Ok<EarlyWarningResponse>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string id, HttpRequest request, ClaimsPrincipal user, AcknowledgeWarningCommand command, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.IsMinistry)
        {
            return RestResults.Forbidden(MonitoringMessages.OnlyMinistryAcknowledges);
        }

        if (!Guid.TryParse(id, out var warningId))
        {
            return RestResults.Invalid("id", MonitoringMessages.UnknownWarning(Guid.Empty).Replace(Guid.Empty.ToString(), $"'{id}'"));
        }

        AcknowledgeWarningRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<AcknowledgeWarningRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return RestResults.Invalid("body", MonitoringMessages.BodyInvalid);
        }

        return await command.HandleAsync(caller, warningId, body?.Note, cancellationToken) switch
        {
            QueryResult<EarlyWarning>.Found found => TypedResults.Ok(EarlyWarningResponse.From(found.Value)),
            QueryResult<EarlyWarning>.Invalid invalid => RestResults.Invalid(invalid.Field, invalid.Message),
            QueryResult<EarlyWarning>.Forbidden forbidden => RestResults.Forbidden(forbidden.Message),
            QueryResult<EarlyWarning>.NotFound notFound => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: MonitoringMessages.WarningNotFoundTitle, detail: notFound.Message),
            QueryResult<EarlyWarning>.Conflict conflict => RestResults.Conflict(MonitoringMessages.WarningConflictTitle, conflict.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
    }
}
