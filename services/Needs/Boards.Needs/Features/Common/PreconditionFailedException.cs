namespace Boards.Needs.Features.Common;

/// <summary>
/// The request is well formed but the thing is not in a state that allows it (a closed round, a round without ballots):
/// 409 with the reason, FailedPrecondition in gRPC. Type and Subject feed google.rpc.PreconditionFailure.
/// </summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;
    public string Subject { get; } = subject;
}
