namespace Boards.EndToEnd.Tests;

/// <summary>
/// The boundary generator on its own, with Referrals' compiled descriptors standing in for reflection: it must find the
/// limits of nested messages and lists and write messages the generated parser reads back (no system needed).
/// </summary>
public sealed class BoundaryGeneratorTests
{
    private static readonly ProtoTypes Types = ReferralTypes();

    [Fact]
    public void A_nested_field_gets_its_boundary_value_and_its_neighbours_plausible_ones()
    {
        var (cases, _, undeclared) = GrpcBoundaries.For(Method("CreateReferral", "CreateReferralRequest"), "distrito");

        var over = cases.Single(c => c is { Field: "person.given_names", Kind: BoundaryKind.OneOver });
        var request = CreateReferralRequest.Parser.ParseFrom(over.Message);
        Assert.Equal(new string('a', 201), request.Person.GivenNames);
        Assert.Equal("distrito", request.MunicipalityCode);
        Assert.True(request.Consent.Given);
        Assert.Equal(Priority.Urgent, request.Priority);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Lists_get_one_item_too_many_and_numbers_one_past_their_range()
    {
        var batch = GrpcBoundaries.For(Method("BatchCreateReferrals", "BatchCreateReferralsRequest"), "distrito").Cases;
        var items = BatchCreateReferralsRequest.Parser.ParseFrom(batch.Single(c => c is { Field: "items", Kind: BoundaryKind.OneItemTooMany }).Message).Items;
        Assert.Equal(101, items.Count);
        Assert.Equal("distrito", items[0].Referral.MunicipalityCode);
        Assert.Contains(batch, c => c.Field == "items[].referral.person.given_names");

        var list = GrpcBoundaries.For(Method("ListReferrals", "ListReferralsRequest"), "distrito").Cases;
        Assert.Equal(-1, ListReferralsRequest.Parser.ParseFrom(list.Single(c => c.Kind == BoundaryKind.BelowMinimum).Message).PageSize);
        Assert.Equal(201, ListReferralsRequest.Parser.ParseFrom(list.Single(c => c.Kind == BoundaryKind.AboveMaximum).Message).PageSize);
        Assert.Equal(17, ListReferralsRequest.Parser.ParseFrom(list.Single(c => c.Kind == BoundaryKind.OneItemTooMany).Message).Statuses.Count);
    }

    private static GrpcMethod Method(string name, string input) =>
        new("boards.referrals.v1.ReferralService", name, MethodType.Unary, $"boards.referrals.v1.{input}") { Types = Types };

    private static ProtoTypes ReferralTypes()
    {
        var types = new ProtoTypes();
        types.Add(ProtoTypes.Parser.ParseFrom(CreateReferralRequest.Descriptor.File.SerializedData));
        return types;
    }
}
