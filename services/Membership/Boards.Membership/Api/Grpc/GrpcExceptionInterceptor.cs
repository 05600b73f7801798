using System.Text;
using Boards.Membership.Domain;
using Boards.Membership.Features.Common;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boards.Membership.Api.Grpc;

/// <summary>
/// Maps application errors to gRPC status codes with google.rpc details: InvalidArgument + BadRequest field
/// violations (snake_case proto paths), NotFound, PermissionDenied, FailedPrecondition (a board rule), Aborted (concurrency).
/// </summary>
public sealed class GrpcExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (ToRpc(exception) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (ToRpc(exception) is { } rpc)
        {
            throw rpc;
        }
    }

    public static RpcException? ToRpc(Exception exception) => exception switch
    {
        ValidationFailedException validation => InvalidArgument(validation.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m)))),
        DomainValidationException domain => InvalidArgument([(domain.Field, domain.Message)]),
        NotFoundException notFound => Simple(Code.NotFound, notFound.Message),
        ForbiddenException forbidden => Simple(Code.PermissionDenied, forbidden.Message),
        BoardRuleException rule => new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = rule.Message,
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = "BOARD_RULE", Subject = rule.Rule, Description = rule.Message } },
                }),
            },
        }.ToRpcException(),
        ConcurrencyConflictException conflict => Simple(Code.Aborted, conflict.Message),
        _ => null,
    };

    private static RpcException Simple(Code code, string message) => new Google.Rpc.Status { Code = (int)code, Message = message }.ToRpcException();

    private static RpcException InvalidArgument(IEnumerable<(string Field, string Message)> violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, message) in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = ToProtoPath(field), Description = message });
        }

        var summary = string.Join(" ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"La solicitud tiene datos inválidos. {summary}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        }.ToRpcException();
    }

    /// <summary>person.birthDate → person.birth_date: the field names integrators see in the proto.</summary>
    public static string ToProtoPath(string field)
    {
        var builder = new StringBuilder(field.Length + 8);
        foreach (var c in field)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
