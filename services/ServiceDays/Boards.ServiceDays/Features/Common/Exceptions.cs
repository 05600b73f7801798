namespace Boards.ServiceDays.Features.Common;

/// <summary>
/// The request is well formed but the day is not in a state that allows it: 409 with the reason, FailedPrecondition in
/// gRPC. Type and Subject feed google.rpc.PreconditionFailure.
/// </summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;
    public string Subject { get; } = subject;
}

/// <summary>The <see cref="PreconditionFailedException.Type"/>s other than a day's state ("STATE").</summary>
public static class PreconditionTypes
{
    /// <summary>The retention sweep erased what the action needs (an expired referral entry's person data).</summary>
    public const string Retention = "RETENTION";
}

/// <summary>An idempotency key (batch id, entry id) reused with different content: 409, AlreadyExists in gRPC.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);
