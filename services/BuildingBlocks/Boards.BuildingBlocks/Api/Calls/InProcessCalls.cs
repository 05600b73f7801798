using System.Diagnostics;
using System.Security.Claims;
using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Errors;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Api.Calls;

/// <summary>
/// A call from another module of the same process into one of this module's gRPC methods, without the network, and
/// with what the gRPC endpoint does around its handler (docs/architecture.md, "Calls between modules"), in its order:
/// the caller's principal (that of the current request, whose bearer token the gRPC adapter would forward) must be
/// authenticated (else Unauthenticated) and meet the endpoint's policy (else PermissionDenied); the message is copied
/// through its wire form, within the same size limit (ResourceExhausted), refused with a NUL character or beyond its
/// proto's limits (InvalidArgument with field violations); the handler runs in its own scope, in a request that looks
/// like the gRPC one (<c>application/grpc</c>, the same user and Authorization header), and its exceptions become the
/// statuses <see cref="GrpcErrorInterceptor"/> gives. The deadline cuts the wait as a gRPC deadline does
/// (DeadlineExceeded), whether or not the handler notices its cancellation; the caller's token gives Cancelled.
/// Failures are <see cref="RpcException"/>s with the gRPC client's status code, detail and google.rpc details.
/// </summary>
public sealed partial class InProcessCalls(
    IServiceScopeFactory scopes, IHttpContextAccessor http, IEnumerable<IApiErrorMapper> mappers, ILogger<InProcessCalls> logger)
{
    private static readonly ActivitySource Source = new("Boards.Calls");

    /// <summary>What a gRPC client reports for a request its server refuses before the method: no token (401) or the wrong role (403).</summary>
    public const string Unauthenticated = "Bad gRPC response. HTTP status code: 401";
    public const string PermissionDenied = "Bad gRPC response. HTTP status code: 403";
    public const string DeadlineExceeded = "";
    public const string Cancelled = "Call canceled by the client.";
    public const string HandlerFailed = "Exception was thrown by handler.";
    public const string RequestTooLarge = "Received message exceeds the maximum configured message size.";
    public const string ReplyTooLarge = "Sending message exceeds the maximum configured message size.";

    /// <summary>
    /// Runs <paramref name="handle"/> for <paramref name="request"/> as the gRPC method <paramref name="method"/>
    /// ("package.Service/Method") under <paramref name="policy"/> would, by <paramref name="deadline"/> (UTC).
    /// </summary>
    public async Task<TReply> UnaryAsync<TRequest, TReply>(
        string method, string policy, TRequest request, DateTime deadline, CancellationToken cancellationToken,
        Func<IServiceProvider, TRequest, ClaimsPrincipal, CancellationToken, Task<TReply>> handle)
        where TRequest : IMessage<TRequest>, new()
        where TReply : IMessage<TReply>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        if (deadline.Kind != DateTimeKind.Utc && deadline != DateTime.MaxValue && deadline != DateTime.MinValue)
        {
            // As the gRPC client insists.
            throw new InvalidOperationException("Deadline must have a kind DateTimeKind.Utc or be equal to DateTime.MaxValue or DateTime.MinValue.");
        }

        var remaining = deadline - DateTime.UtcNow;
        if (cancellationToken.IsCancellationRequested)
        {
            throw Status(StatusCode.Cancelled, Cancelled);
        }

        if (remaining <= TimeSpan.Zero)
        {
            throw Status(StatusCode.DeadlineExceeded, DeadlineExceeded);
        }

        var caller = http.HttpContext;
        var call = new Call(method, policy, caller?.User, caller?.Request.Headers.Authorization.ToString(), Activity.Current);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline != DateTime.MaxValue && remaining.TotalMilliseconds < uint.MaxValue - 1)
        {
            limit.CancelAfter(remaining);
        }

        Task<byte[]> work;
        // A fresh execution context: the callee's request must not be set in (or cleared from) the caller's.
        using (ExecutionContext.SuppressFlow())
        {
            work = Task.Run(() => RunAsync(call, request.ToByteArray(), handle, limit.Token), CancellationToken.None);
        }

        try
        {
            var reply = await work.WaitAsync(limit.Token);
            return new MessageParser<TReply>(() => new TReply()).ParseFrom(reply);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            // The handler may still be running, as a gRPC server's may after the client gave up: its outcome is nobody's now.
            _ = work.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw cancellationToken.IsCancellationRequested
                ? Status(StatusCode.Cancelled, Cancelled)
                : Status(StatusCode.DeadlineExceeded, DeadlineExceeded);
        }
    }

    private async Task<byte[]> RunAsync<TRequest, TReply>(
        Call call, byte[] wire, Func<IServiceProvider, TRequest, ClaimsPrincipal, CancellationToken, Task<TReply>> handle, CancellationToken ct)
        where TRequest : IMessage<TRequest>, new()
        where TReply : IMessage<TReply>
    {
        Activity.Current = call.Parent;
        using var activity = Source.StartActivity(call.Method);
        activity?.SetTag("rpc.system", "in-process");
        activity?.SetTag("rpc.method", call.Method);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await AuthorizeAsync(call, services);
        var request = Read<TRequest>(wire);
        http.HttpContext = GrpcLikeRequest(call, user, services, ct);
        try
        {
            var reply = (await handle(services, request, user, ct)).ToByteArray();
            return reply.Length > RequestLimits.GrpcMessageBytes ? throw Status(StatusCode.ResourceExhausted, ReplyTooLarge) : reply;
        }
        catch (Exception exception) when (ApiErrors.Resolve(mappers, exception) is { } error)
        {
            throw GrpcErrorInterceptor.ToRpc(error);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            LogHandlerFailed(logger, exception, call.Method);
            throw Status(StatusCode.Unknown, HandlerFailed);
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    /// <summary>As the endpoint's authentication and authorization middleware: 401 without a user, 403 outside the policy.</summary>
    private static async Task<ClaimsPrincipal> AuthorizeAsync(Call call, IServiceProvider services)
    {
        if (call.User is not { Identity.IsAuthenticated: true } user)
        {
            throw Status(StatusCode.Unauthenticated, Unauthenticated);
        }

        var authorization = services.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(user, call.Policy)).Succeeded
            ? user
            : throw Status(StatusCode.PermissionDenied, PermissionDenied);
    }

    /// <summary>The request as the endpoint reads it: within the size limit, without NULs, within its proto's declared limits.</summary>
    private static TRequest Read<TRequest>(byte[] wire)
        where TRequest : IMessage<TRequest>, new()
    {
        if (wire.Length > RequestLimits.GrpcMessageBytes)
        {
            throw Status(StatusCode.ResourceExhausted, RequestTooLarge);
        }

        var request = new MessageParser<TRequest>(() => new TRequest()).ParseFrom(wire);
        if (MalformedInput.FieldWithNul(request, "", depth: 0) is { } field)
        {
            throw Status(StatusCode.InvalidArgument, $"{field}: {MalformedInput.NulMessage}");
        }

        try
        {
            ProtoFieldRules.Check(request).ThrowIfAny();
        }
        catch (ValidationFailedException invalid)
        {
            throw GrpcErrorInterceptor.ToRpc(ApiError.Invalid(invalid.Errors));
        }

        return request;
    }

    private static DefaultHttpContext GrpcLikeRequest(Call call, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        var context = new DefaultHttpContext { User = user, RequestServices = services, RequestAborted = ct };
        context.Request.Method = HttpMethods.Post;
        context.Request.Protocol = "HTTP/2";
        context.Request.Path = "/" + call.Method;
        context.Request.ContentType = "application/grpc";
        if (call.Authorization is { Length: > 0 } authorization)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }

    private static RpcException Status(StatusCode code, string detail) => new(new Status(code, detail));

    private sealed record Call(string Method, string Policy, ClaimsPrincipal? User, string? Authorization, Activity? Parent);

    [LoggerMessage(Level = LogLevel.Error, Message = "The in-process call {Method} failed in its handler.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method);
}
