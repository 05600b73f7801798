using Boards.Membership.Features.IdentityLink;
using Boards.Membership.Tests.Domain;
using Boards.Membership.Tests.Integration;

namespace Boards.Membership.Tests.Features;

/// <summary>
/// Reported: a focal point linked another municipality's focal point account to a member and appointed it, and that
/// person's next token carried the first municipality. Only new user names, or accounts of the board's own municipality
/// that hold no other Boards role, may be linked by anyone but ministry-admin.
/// </summary>
public sealed class AccountLinkRuleTests
{
    private sealed class Directory(Dictionary<string, DirectoryAccount> accounts) : IAccountDirectory
    {
        public Task<DirectoryAccount?> FindAsync(string username, CancellationToken ct) =>
            Task.FromResult(accounts.GetValueOrDefault(username));
    }

    private static readonly AccountLinkRule Rule = new(new Directory(new()
    {
        ["focal.pilar"] = new DirectoryAccount("pilar", [BoardsRoles.FocalPoint]),
        ["officer.mspbs"] = new DirectoryAccount(null, [BoardsRoles.InstitutionOfficer]),
        ["analista"] = new DirectoryAccount(null, [BoardsRoles.MinistryAnalyst, "offline_access"]),
        ["focal.alto-vera"] = new DirectoryAccount("alto-vera", [BoardsRoles.FocalPoint, "offline_access"]),
        ["doble.rol"] = new DirectoryAccount("alto-vera", [BoardsRoles.FocalPoint, BoardsRoles.InstitutionOfficer]),
        ["ex.punto.focal"] = new DirectoryAccount(null, ["offline_access"]),
        ["otra.persona"] = new DirectoryAccount(null, []),
    }));

    [Theory]
    [InlineData("focal.pilar")]
    [InlineData("officer.mspbs")]
    [InlineData("analista")]
    [InlineData("doble.rol")]
    [InlineData("otra.persona")]
    public async Task A_focal_point_may_not_link_an_account_of_another_person_municipality_or_role(string account)
    {
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Rule.EnsureMayLinkAsync(TestBoards.New("alto-vera"), account, TestCallers.FocalPoint("alto-vera"), CancellationToken.None));

        Assert.Contains($"'{account}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ministry-admin", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nueva.persona")]
    [InlineData("focal.alto-vera")]
    public async Task A_focal_point_may_link_a_new_user_name_or_an_account_of_its_own_municipality(string account) =>
        await Rule.EnsureMayLinkAsync(TestBoards.New("alto-vera"), account, TestCallers.FocalPoint("alto-vera"), CancellationToken.None);

    [Fact]
    public async Task An_account_whose_scope_was_taken_back_may_be_linked_again_to_the_board_that_had_it()
    {
        var board = TestBoards.New("alto-vera");
        board.AddMember(TestBoards.Person("Ex punto focal") with { Account = "ex.punto.focal" }, "admin", TestBoards.Now);

        await Rule.EnsureMayLinkAsync(board, "ex.punto.focal", TestCallers.FocalPoint("alto-vera"), CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Rule.EnsureMayLinkAsync(TestBoards.New("yhu"), "ex.punto.focal", TestCallers.FocalPoint("yhu"), CancellationToken.None));
    }

    [Theory]
    [InlineData("focal.pilar")]
    [InlineData("officer.mspbs")]
    public async Task Ministry_admin_may_link_any_account(string account) =>
        await Rule.EnsureMayLinkAsync(TestBoards.New("alto-vera"), account, TestCallers.Admin, CancellationToken.None);
}
