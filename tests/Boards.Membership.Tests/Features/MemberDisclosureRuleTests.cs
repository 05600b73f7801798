namespace Boards.Membership.Tests.Features;

/// <summary>Who sees members' sensitive data (MemberDisclosure), with constructed callers; the tokens are in Integration/MemberDisclosureTests.</summary>
public sealed class MemberDisclosureRuleTests
{
    private static readonly Dictionary<string, Caller> Callers = new()
    {
        ["ministry-analyst"] = Caller(null, null, BoardsRoles.MinistryAnalyst),
        ["ministry-admin"] = Caller(null, null, BoardsRoles.MinistryAdmin),
        ["focal point of alto-vera"] = Caller("alto-vera", null, BoardsRoles.FocalPoint),
        ["officer serving in pilar and alto-vera"] = Caller(null, ["pilar", "alto-vera"], BoardsRoles.InstitutionOfficer),
        ["focal point of pilar"] = Caller("pilar", null, BoardsRoles.FocalPoint),
        ["officer serving in pilar"] = Caller(null, ["pilar"], BoardsRoles.InstitutionOfficer),
        ["officer serving nowhere"] = Caller(null, null, BoardsRoles.InstitutionOfficer),
        ["integrator, even with the claims"] = Caller("alto-vera", ["alto-vera"], BoardsRoles.Integrator),
        ["no Boards role, even with the claims"] = Caller("alto-vera", ["alto-vera"]),
    };

    private static Caller Caller(string? municipality, string[]? servesIn, params string[] roles) =>
        new("sub-1", "usuario", roles.ToHashSet(StringComparer.Ordinal), municipality, "mspbs", servesIn?.ToHashSet(StringComparer.Ordinal));

    [Theory]
    [InlineData("ministry-analyst", true)]
    [InlineData("ministry-admin", true)]
    [InlineData("focal point of alto-vera", true)]
    [InlineData("officer serving in pilar and alto-vera", true)]
    [InlineData("focal point of pilar", false)]
    [InlineData("officer serving in pilar", false)]
    [InlineData("officer serving nowhere", false)]
    [InlineData("integrator, even with the claims", false)]
    [InlineData("no Boards role, even with the claims", false)]
    public void Only_the_ministry_and_the_municipality_see_the_sensitive_data_of_alto_vera(string who, bool sees) =>
        Assert.Equal(sees, MemberDisclosure.SeesSensitiveData(Callers[who], " Alto-Vera "));
}
