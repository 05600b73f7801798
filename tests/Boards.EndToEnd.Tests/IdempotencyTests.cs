namespace Boards.EndToEnd.Tests;

[Collection(BoardsCollection.Name)]
public sealed class IdempotencyTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task The_same_request_id_with_the_same_content_returns_the_same_referral()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.pilar"));
        var request = Requests.NewReferral("pilar");

        var first = await boards.Referrals.CreateReferralAsync(request, focal);
        var second = await boards.Referrals.CreateReferralAsync(request.Clone(), focal);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Version, second.Version);
        var listed = await boards.Referrals.ListReferralsAsync(new ListReferralsRequest { MunicipalityCode = "pilar", PageSize = 200 }, focal);
        Assert.Single(listed.Referrals, r => r.Id == first.Id);
    }

    [Fact]
    public async Task The_same_request_id_with_different_content_is_refused()
    {
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.pilar"));
        var request = Requests.NewReferral("pilar");
        await boards.Referrals.CreateReferralAsync(request, focal);

        var changed = request.Clone();
        changed.Reason = "Otro motivo";
        var error = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.CreateReferralAsync(changed, focal).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains(request.RequestId, error.Status.Detail);
    }
}
