namespace Boards.Needs.Features.Common;

/// <summary>The code is taken (a category, or a service within its municipality): 409, never a silent overwrite.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);
