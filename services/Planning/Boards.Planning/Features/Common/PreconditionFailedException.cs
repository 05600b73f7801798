namespace Boards.Planning.Features.Common;

/// <summary>
/// The request is well formed but the thing is not in a state that allows it (an approved plan, a session without quorum):
/// 409 with the reason, FailedPrecondition in gRPC. Type and Subject feed google.rpc.PreconditionFailure.
/// </summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;
    public string Subject { get; } = subject;
}
