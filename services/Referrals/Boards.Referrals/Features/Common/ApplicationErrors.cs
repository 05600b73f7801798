namespace Boards.Referrals.Features.Common;

/// <summary>A request id was reused with different content.</summary>
public sealed class IdempotencyConflictException(string message) : Exception(message);
