namespace Boards.Membership.Tests.Integration;

internal static class TestCallers
{
    public static Caller Admin { get; } = Of(null, BoardsRoles.MinistryAdmin);
    public static Caller Analyst { get; } = Of(null, BoardsRoles.MinistryAnalyst);

    public static Caller FocalPoint(string municipality) => Of(municipality, BoardsRoles.FocalPoint);

    public static Caller Of(string? municipality, params string[] roles) =>
        new($"sub-{string.Join('-', roles)}", string.Join('+', roles), roles.ToHashSet(StringComparer.Ordinal), municipality, null);
}
