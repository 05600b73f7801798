namespace Boards.Membership.Tests.Features;

/// <summary>The scope policy with constructed callers; token-level checks belong to the end-to-end suite.</summary>
public sealed class BoardAccessTests
{
    private static Caller Caller(string? municipality, string? institution, params string[] roles) =>
        new("sub-1", "usuario", roles.ToHashSet(StringComparer.Ordinal), municipality, institution);

    [Fact]
    public void A_focal_point_reads_and_edits_only_its_own_board()
    {
        var focal = Caller("alto-vera", null, BoardsRoles.FocalPoint);

        Assert.True(BoardAccess.CanRead(focal, "alto-vera"));
        Assert.True(BoardAccess.CanEdit(focal, "alto-vera"));
        Assert.False(BoardAccess.CanRead(focal, "capiibary"));
        Assert.False(BoardAccess.CanEdit(focal, "capiibary"));
        Assert.False(BoardAccess.CanCreate(focal));
        Assert.Throws<ForbiddenException>(() => BoardAccess.EnsureCanEdit(focal, "capiibary"));
        BoardAccess.EnsureCanEdit(focal, "alto-vera");
    }

    [Fact]
    public void A_focal_point_without_a_municipality_claim_gets_nothing()
    {
        var focal = Caller(null, null, BoardsRoles.FocalPoint);

        Assert.False(BoardAccess.CanRead(focal, "alto-vera"));
        Assert.Throws<ForbiddenException>(() => BoardAccess.ListScope(focal, null));
    }

    [Fact]
    public void A_ministry_analyst_reads_everything_and_changes_nothing()
    {
        var analyst = Caller(null, null, BoardsRoles.MinistryAnalyst);

        Assert.True(BoardAccess.CanRead(analyst, "alto-vera"));
        Assert.True(BoardAccess.CanRead(analyst, "capiibary"));
        Assert.False(BoardAccess.CanEdit(analyst, "alto-vera"));
        Assert.False(BoardAccess.CanCreate(analyst));
        Assert.Null(BoardAccess.ListScope(analyst, null));
    }

    [Fact]
    public void A_ministry_admin_creates_and_edits_any_board()
    {
        var admin = Caller(null, null, BoardsRoles.MinistryAdmin);

        Assert.True(BoardAccess.CanCreate(admin));
        Assert.True(BoardAccess.CanEdit(admin, "alto-vera"));
        Assert.True(BoardAccess.CanEdit(admin, "capiibary"));
        Assert.Equal("pilar", BoardAccess.ListScope(admin, "pilar"));
    }

    [Theory]
    [InlineData(BoardsRoles.InstitutionOfficer)]
    [InlineData(BoardsRoles.Integrator)]
    public void Institution_roles_read_every_board_and_change_none(string role)
    {
        var caller = Caller("alto-vera", "mspbs", role);

        Assert.True(BoardAccess.CanRead(caller, "alto-vera"));
        Assert.True(BoardAccess.CanRead(caller, "capiibary"));
        Assert.False(BoardAccess.CanEdit(caller, "alto-vera"));
        Assert.False(BoardAccess.CanCreate(caller));
        Assert.Throws<ForbiddenException>(() => BoardAccess.EnsureCanEdit(caller, "alto-vera"));
        Assert.Null(BoardAccess.ListScope(caller, null));
    }

    [Fact]
    public void A_focal_point_list_is_narrowed_to_its_municipality_and_another_is_refused()
    {
        var focal = Caller("alto-vera", null, BoardsRoles.FocalPoint);

        Assert.Equal("alto-vera", BoardAccess.ListScope(focal, null));
        Assert.Equal("alto-vera", BoardAccess.ListScope(focal, "alto-vera"));
        Assert.Throws<ForbiddenException>(() => BoardAccess.ListScope(focal, "capiibary"));
    }

    [Fact]
    public void A_caller_without_a_boards_role_is_refused_everything()
    {
        var nobody = Caller("alto-vera", "mds");

        Assert.False(BoardAccess.CanRead(nobody, "alto-vera"));
        Assert.False(BoardAccess.CanEdit(nobody, "alto-vera"));
        Assert.Throws<ForbiddenException>(() => BoardAccess.ListScope(nobody, null));
        Assert.Throws<ForbiddenException>(() => BoardAccess.EnsureCanRead(nobody, "alto-vera"));
    }

    [Fact]
    public void A_ministry_role_widens_a_focal_point_to_reading_everything_but_not_editing()
    {
        var both = Caller("alto-vera", null, BoardsRoles.FocalPoint, BoardsRoles.MinistryAnalyst);

        Assert.True(BoardAccess.CanRead(both, "capiibary"));
        Assert.False(BoardAccess.CanEdit(both, "capiibary"));
        Assert.True(BoardAccess.CanEdit(both, "alto-vera"));
    }
}
