using Boards.BuildingBlocks.Errors;
using Boards.Needs.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Needs.Tests.Features;

public sealed class MunicipalityAccessTests
{
    private static Caller Of(string? municipality, params string[] roles) =>
        new("sub", "test", roles.ToHashSet(StringComparer.Ordinal), municipality, null);

    [Theory]
    [InlineData(BoardsRoles.MinistryAdmin, null, true, true)]
    [InlineData(BoardsRoles.MinistryAnalyst, null, true, false)]
    [InlineData(BoardsRoles.InstitutionOfficer, null, true, false)]
    [InlineData(BoardsRoles.Integrator, null, true, false)]
    [InlineData(BoardsRoles.FocalPoint, "pilar", true, true)]
    [InlineData(BoardsRoles.FocalPoint, "laurel", false, false)]
    public void Scope_on_pilar(string role, string? municipality, bool reads, bool writes)
    {
        var caller = Of(municipality, role);

        Assert.Equal(reads, Record.Exception(() => MunicipalityAccess.EnsureCanRead(caller, "pilar")) is null);
        Assert.Equal(writes, Record.Exception(() => MunicipalityAccess.EnsureCanEdit(caller, "pilar")) is null);
        MunicipalityAccess.EnsureCanCheckAvailability(caller);
    }

    [Fact]
    public void A_caller_without_a_boards_role_gets_nothing()
    {
        var caller = Of(null, "offline_access");

        Assert.Throws<ForbiddenException>(() => MunicipalityAccess.EnsureCanRead(caller, "pilar"));
        Assert.Throws<ForbiddenException>(() => MunicipalityAccess.EnsureCanCheckAvailability(caller));
    }
}
