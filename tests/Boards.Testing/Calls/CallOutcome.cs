using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace Boards.Testing.Calls;

/// <summary>
/// What a call between modules gave, comparable as a whole: the reply (its JSON), or the failure (status code, detail
/// and the google.rpc details, as JSON). Two adapters of one interface must give equal outcomes.
/// </summary>
public sealed record CallOutcome(string? Reply, StatusCode? Code, string? Detail, string? Details)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        TypeRegistry.FromMessages(BadRequest.Descriptor, PreconditionFailure.Descriptor, RetryInfo.Descriptor)));

    public bool Failed => Code is not null;

    public static async Task<CallOutcome> OfAsync<TReply>(Func<Task<TReply>> call)
        where TReply : IMessage
    {
        try
        {
            return new CallOutcome(Json.Format(await call()), null, null, null);
        }
        catch (RpcException exception)
        {
            var details = exception.Trailers.GetValueBytes("grpc-status-details-bin") is { } bytes
                ? Json.Format(Google.Rpc.Status.Parser.ParseFrom(bytes))
                : null;
            return new CallOutcome(null, exception.StatusCode, exception.Status.Detail, details);
        }
    }

    /// <summary>The field paths of the BadRequest violations, in order.</summary>
    public static IReadOnlyList<string> Fields(RpcException exception) =>
        exception.Trailers.GetValueBytes("grpc-status-details-bin") is { } bytes
            ? [.. Google.Rpc.Status.Parser.ParseFrom(bytes).Details.Where(d => d.Is(BadRequest.Descriptor))
                .SelectMany(d => d.Unpack<BadRequest>().FieldViolations).Select(v => v.Field)]
            : [];

    /// <summary>The google.rpc.PreconditionFailure violation types, in order.</summary>
    public static IReadOnlyList<string> PreconditionTypes(RpcException exception) =>
        exception.Trailers.GetValueBytes("grpc-status-details-bin") is { } bytes
            ? [.. Google.Rpc.Status.Parser.ParseFrom(bytes).Details.Where(d => d.Is(PreconditionFailure.Descriptor))
                .SelectMany(d => d.Unpack<PreconditionFailure>().Violations).Select(v => v.Type)]
            : [];
}
