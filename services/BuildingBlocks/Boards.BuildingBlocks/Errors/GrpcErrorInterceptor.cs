using System.Text;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boards.BuildingBlocks.Errors;

/// <summary>
/// Maps errors to gRPC status codes with google.rpc details: InvalidArgument + BadRequest field violations
/// (snake_case proto paths), FailedPrecondition + PreconditionFailure, NotFound, PermissionDenied, Aborted, AlreadyExists,
/// Unavailable + RetryInfo (the database is away for a moment).
/// </summary>
public sealed class GrpcErrorInterceptor(IEnumerable<IApiErrorMapper> mappers) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (ApiErrors.Resolve(mappers, exception) is { } error)
        {
            throw ToRpc(error);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (ApiErrors.Resolve(mappers, exception) is { } error)
        {
            throw ToRpc(error);
        }
    }

    public static RpcException ToRpc(ApiError error)
    {
        var status = new Google.Rpc.Status { Code = (int)ToCode(error.Kind), Message = error.Detail };
        if (error.FieldErrors is { } fields)
        {
            var badRequest = new BadRequest();
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = ToProtoPath(field), Description = message });
                }
            }

            status.Message = $"{error.Title} " + string.Join(" ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(badRequest));
        }

        if (error.Subject is { } subject)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new PreconditionFailure
            {
                Violations = { new PreconditionFailure.Types.Violation { Type = error.PreconditionType ?? "STATE", Subject = subject, Description = error.Detail } },
            }));
        }

        if (error.RetryAfter is { } retryAfter)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new RetryInfo
            {
                RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(retryAfter),
            }));
        }

        return status.ToRpcException();
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

    private static Code ToCode(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.InvalidArgument => Code.InvalidArgument,
        ApiErrorKind.NotFound => Code.NotFound,
        ApiErrorKind.PermissionDenied => Code.PermissionDenied,
        ApiErrorKind.FailedPrecondition => Code.FailedPrecondition,
        ApiErrorKind.Aborted => Code.Aborted,
        ApiErrorKind.Unavailable => Code.Unavailable,
        ApiErrorKind.ResourceExhausted => Code.ResourceExhausted,
        _ => Code.AlreadyExists,
    };
}
