using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Boards.BuildingBlocks.Api;

/// <summary>
/// Refuses input no handler can use, before it reaches one. A gRPC message that is not valid protobuf for its method
/// (truncated, wrong wire types, text that is not UTF-8) gets <c>InvalidArgument</c>: gRPC for ASP.NET Core reads the
/// message before any interceptor runs and would answer <c>Unknown</c>, which callers must treat as a server fault.
/// Text with a NUL character (in a gRPC string field or a REST query) is refused too: PostgreSQL cannot store or
/// compare it and would fail the request. Only single-message calls are checked; compressed and oversized messages
/// are left to gRPC itself.
/// </summary>
public static class MalformedInput
{
    private const int FrameHeaderBytes = 5;

    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    public static IApplicationBuilder UseMalformedInputRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { Method.Type: MethodType.Unary or MethodType.ServerStreaming } grpc &&
            ParserOf(grpc.Method) is { } parser)
        {
            context.Request.EnableBuffering();
            var problem = await ProblemAsync(context.Request.Body, parser, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (problem is not null)
            {
                // A trailers-only answer, as gRPC itself sends for an error before any message.
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["grpc-message"] = Uri.EscapeDataString(problem);
                return;
            }
        }
        else if (context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: { } name })
        {
            await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [NulMessage] }).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    internal const string NulMessage = "El texto contiene un carácter nulo (U+0000), que no se admite.";

    private static async Task<string?> ProblemAsync(Stream body, MessageParser parser, CancellationToken ct)
    {
        var header = new byte[FrameHeaderBytes];
        var read = await body.ReadAtLeastAsync(header, FrameHeaderBytes, throwOnEndOfStream: false, ct);
        if (read < FrameHeaderBytes)
        {
            return read == 0 ? null : "La solicitud gRPC está incompleta: falta el encabezado del mensaje.";
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (header[0] != 0 || length > RequestLimits.GrpcMessageBytes)
        {
            return null;
        }

        var bytes = new byte[length];
        if (await body.ReadAtLeastAsync(bytes, (int)length, throwOnEndOfStream: false, ct) < length)
        {
            return "La solicitud gRPC está incompleta: el mensaje es más corto de lo que anuncia.";
        }

        IMessage message;
        try
        {
            message = parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return "El mensaje no es válido: tiene campos truncados, de un tipo que no corresponde o texto que no es UTF-8.";
        }

        return FieldWithNul(message, "", depth: 0) is { } field ? $"{field}: {NulMessage}" : null;
    }

    /// <summary>The path of the first string field (at any depth) that holds a NUL character.</summary>
    internal static string? FieldWithNul(IMessage message, string prefix, int depth)
    {
        if (depth > 10)
        {
            return null;
        }

        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap || field.FieldType is not (FieldType.String or FieldType.Message))
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            var values = field.IsRepeated ? ((IEnumerable)value).Cast<object?>() : [value];
            foreach (var item in values)
            {
                var found = item switch
                {
                    string text when text.Contains('\0', StringComparison.Ordinal) => prefix + field.Name,
                    IMessage nested => FieldWithNul(nested, prefix + field.Name + ".", depth + 1),
                    _ => null,
                };
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static MessageParser? ParserOf(IMethod method) => Parsers.GetOrAdd(method.GetType(), type =>
        type.IsGenericType && type.GetGenericArguments()[0] is var request && typeof(IMessage).IsAssignableFrom(request)
            ? request.GetProperty("Parser", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as MessageParser
            : null);
}
