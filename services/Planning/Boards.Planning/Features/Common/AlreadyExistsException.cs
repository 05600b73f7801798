namespace Boards.Planning.Features.Common;

/// <summary>The municipality already has a plan for that year: 409, never a second one.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);
