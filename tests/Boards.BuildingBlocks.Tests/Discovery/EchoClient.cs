using Boards.BuildingBlocks.Api.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>The client side of echo.proto (BuildingBlocks generates only the server), as Grpc.Tools would write it.</summary>
public sealed class EchoClient : ClientBase<EchoClient>
{
    private static readonly Marshaller<EchoMessage> Messages = Marshallers.Create(m => m.ToByteArray(), EchoMessage.Parser.ParseFrom);

    private static readonly Method<EchoMessage, EchoMessage> EchoMethod =
        new(MethodType.Unary, "boards.bench.v1.Echo", "Echo", Messages, Messages);

    public EchoClient(CallInvoker callInvoker) : base(callInvoker)
    {
    }

    private EchoClient(ClientBaseConfiguration configuration) : base(configuration)
    {
    }

    public AsyncUnaryCall<EchoMessage> EchoAsync(EchoMessage request, CallOptions options) =>
        CallInvoker.AsyncUnaryCall(EchoMethod, null, options, request);

    protected override EchoClient NewInstance(ClientBaseConfiguration configuration) => new(configuration);
}
