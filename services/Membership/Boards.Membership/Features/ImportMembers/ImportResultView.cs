namespace Boards.Membership.Features.ImportMembers;

/// <summary>A synchronous import that succeeded: how many members were added and the board's version afterwards.</summary>
public sealed record ImportResultView(int Added, long BoardVersion);
