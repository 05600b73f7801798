using Boards.Referrals.Features.Common;
using Boards.Referrals.Tests.Domain;

namespace Boards.Referrals.Tests.Features;

/// <summary>
/// Who may read and act on a referral sent from mds in alto-vera to mec in itanara
/// (see <see cref="TestReferrals.Request"/>): by role and by scope.
/// </summary>
public sealed class ReferralAccessTests
{
    private static readonly Referral Referral = TestReferrals.New();

    /// <summary>Officers serve in both municipalities of the referral unless a case says otherwise.</summary>
    private static Caller Caller(string role, string? municipality = null, string? institution = null, params string[] servesIn) =>
        new($"sub-{role}", $"user-{role}", new HashSet<string>(StringComparer.Ordinal) { role }, municipality, institution,
            new HashSet<string>(servesIn.Length > 0 ? servesIn : ["alto-vera", "itanara"], StringComparer.Ordinal));

    public static TheoryData<string, string?, string?, bool, bool, bool> Cases() => new()
    {
        // role, municipality, institution, origin?, destination?, read?
        { BoardsRoles.InstitutionOfficer, null, "mds", true, false, true },
        { BoardsRoles.Integrator, null, "mds", true, false, true },
        { BoardsRoles.InstitutionOfficer, null, "mec", false, true, true },
        { BoardsRoles.Integrator, null, "mec", false, true, true },
        { BoardsRoles.FocalPoint, "alto-vera", null, true, false, true },
        { BoardsRoles.FocalPoint, "itanara", null, false, true, true },
        { BoardsRoles.MinistryAnalyst, null, null, false, false, true },
        { BoardsRoles.MinistryAdmin, null, null, false, false, true },
        { BoardsRoles.FocalPoint, "laurel", null, false, false, false },
        { BoardsRoles.InstitutionOfficer, null, "ips", false, false, false },
        { BoardsRoles.Integrator, null, "ips", false, false, false },
        // A claim alone grants nothing: the role must match the scope it is used for.
        { BoardsRoles.FocalPoint, null, "mds", false, false, false },
        { BoardsRoles.InstitutionOfficer, "alto-vera", null, false, false, false },
        { BoardsRoles.MinistryAnalyst, "alto-vera", "mds", false, false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Origin_and_destination_sides_are_decided_by_role_and_scope(
        string role, string? municipality, string? institution, bool origin, bool destination, bool read)
    {
        var caller = Caller(role, municipality, institution);

        Assert.Equal(origin, ReferralAccess.CanActAsOrigin(caller, Referral));
        Assert.Equal(origin, ReferralAccess.CanActAsOrigin(caller, Referral.MunicipalityCode, Referral.OriginInstitution));
        Assert.Equal(destination, ReferralAccess.CanActAsDestination(caller, Referral));
        Assert.Equal(read, ReferralAccess.CanRead(caller, Referral));
    }

    public static TheoryData<string, string?, string?, string[], bool> PersonRecordCases() => new()
    {
        // role, municipality, institution, serves in, opens the person's record?
        { BoardsRoles.FocalPoint, "alto-vera", null, [], true },        // the person's municipality: the origin
        { BoardsRoles.FocalPoint, "itanara", null, [], false },         // reads the referral, but is the destination's
        { BoardsRoles.FocalPoint, "laurel", null, [], false },
        { BoardsRoles.InstitutionOfficer, null, "mds", ["alto-vera"], true },
        { BoardsRoles.InstitutionOfficer, null, "mec", ["itanara"], true },
        { BoardsRoles.InstitutionOfficer, null, "mds", ["itanara"], false }, // mds, but not where it sent from
        { BoardsRoles.InstitutionOfficer, null, "ips", ["alto-vera", "itanara"], false },
        { BoardsRoles.Integrator, null, "mec", [], true },
        { BoardsRoles.Integrator, null, "ips", [], false },
        { BoardsRoles.MinistryAnalyst, null, null, [], true },
        { BoardsRoles.MinistryAdmin, null, null, [], true },
    };

    [Theory]
    [MemberData(nameof(PersonRecordCases))]
    public void The_persons_record_opens_for_the_origin_municipalitys_focal_point_the_institutions_involved_and_the_ministry(
        string role, string? municipality, string? institution, string[] servesIn, bool opens)
    {
        var caller = Caller(role, municipality, institution, servesIn);

        Assert.Equal(opens, ReferralAccess.CanOpenPersonRecord(caller, Referral));
    }

    [Fact]
    public void The_ministry_reads_every_referral_but_acts_on_none()
    {
        foreach (var role in new[] { BoardsRoles.MinistryAnalyst, BoardsRoles.MinistryAdmin })
        {
            var ministry = Caller(role);

            Assert.True(ministry.IsMinistry);
            Assert.True(ReferralAccess.CanRead(ministry, Referral));
            Assert.False(ReferralAccess.CanActAsOrigin(ministry, Referral));
            Assert.False(ReferralAccess.CanActAsDestination(ministry, Referral));
            Assert.False(ReferralAccess.CanOverrideConsent(ministry));
        }
    }

    [Fact]
    public void Another_municipalitys_focal_point_is_refused_everything()
    {
        var other = Caller(BoardsRoles.FocalPoint, municipality: "laurel");

        Assert.False(ReferralAccess.CanRead(other, Referral));
        Assert.False(ReferralAccess.CanActAsOrigin(other, Referral));
        Assert.False(ReferralAccess.CanActAsDestination(other, Referral));
    }

    [Fact]
    public void An_officer_of_an_unrelated_institution_is_refused_everything()
    {
        var unrelated = Caller(BoardsRoles.InstitutionOfficer, institution: "ips");

        Assert.False(ReferralAccess.CanRead(unrelated, Referral));
        Assert.False(ReferralAccess.CanActAsOrigin(unrelated, Referral));
        Assert.False(ReferralAccess.CanActAsDestination(unrelated, Referral));
    }

    public static TheoryData<string, string, string, bool, bool> ServedCases() => new()
    {
        // institution, where the officer serves, role, origin?, destination?
        { "mds", "alto-vera", BoardsRoles.InstitutionOfficer, true, false },
        { "mds", "itanara", BoardsRoles.InstitutionOfficer, false, false },   // mds sent it from alto-vera
        { "mec", "itanara", BoardsRoles.InstitutionOfficer, false, true },
        { "mec", "alto-vera", BoardsRoles.InstitutionOfficer, false, false }, // mec receives it in itanara
        { "mds", "laurel", BoardsRoles.InstitutionOfficer, false, false },
        // An integrator is national for its institution: where it "serves" is not asked.
        { "mds", "laurel", BoardsRoles.Integrator, true, false },
        { "mec", "laurel", BoardsRoles.Integrator, false, true },
    };

    [Theory]
    [MemberData(nameof(ServedCases))]
    public void An_officer_acts_and_reads_only_in_the_municipalities_where_they_serve(
        string institution, string servesIn, string role, bool origin, bool destination)
    {
        var caller = Caller(role, institution: institution, servesIn: servesIn);

        Assert.Equal(origin, ReferralAccess.CanActAsOrigin(caller, Referral));
        Assert.Equal(destination, ReferralAccess.CanActAsDestination(caller, Referral));
        Assert.Equal(origin || destination, ReferralAccess.CanRead(caller, Referral));
    }

    [Fact]
    public void An_officer_whose_token_lists_no_municipality_serves_nowhere()
    {
        var officer = new Caller("sub", "officer.mds", new HashSet<string> { BoardsRoles.InstitutionOfficer }, null, "mds");

        Assert.False(ReferralAccess.CanRead(officer, Referral));
        Assert.False(ReferralAccess.CanActAsOrigin(officer, Referral));
        Assert.False(ReferralAccess.HasAnyScope(officer));
    }

    [Theory]
    [InlineData(BoardsRoles.FocalPoint, true)]
    [InlineData(BoardsRoles.InstitutionOfficer, false)]
    [InlineData(BoardsRoles.Integrator, false)]
    [InlineData(BoardsRoles.MinistryAnalyst, false)]
    [InlineData(BoardsRoles.MinistryAdmin, false)]
    public void Only_focal_points_may_override_consent(string role, bool allowed)
    {
        Assert.Equal(allowed, ReferralAccess.CanOverrideConsent(Caller(role, "alto-vera", "mds")));
    }

    [Fact]
    public void A_caller_without_any_role_is_refused_everything()
    {
        var nobody = new Caller("sub", "nobody", new HashSet<string>(), "alto-vera", "mds");

        Assert.False(ReferralAccess.CanRead(nobody, Referral));
        Assert.False(ReferralAccess.CanActAsOrigin(nobody, Referral));
        Assert.False(ReferralAccess.CanActAsDestination(nobody, Referral));
        Assert.False(ReferralAccess.CanOverrideConsent(nobody));
        Assert.False(ReferralAccess.HasAnyScope(nobody));
    }

    [Theory]
    [InlineData(BoardsRoles.FocalPoint, "alto-vera", null, true)]
    [InlineData(BoardsRoles.FocalPoint, null, "mds", false)]
    [InlineData(BoardsRoles.InstitutionOfficer, null, "mds", true)]
    [InlineData(BoardsRoles.Integrator, null, null, false)]
    [InlineData(BoardsRoles.MinistryAnalyst, null, null, true)]
    public void A_caller_has_some_scope_only_with_the_claim_its_role_needs(string role, string? municipality, string? institution, bool expected)
    {
        Assert.Equal(expected, ReferralAccess.HasAnyScope(Caller(role, municipality, institution)));
    }
}
