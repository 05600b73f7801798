using Boards.Referrals.Features.ListReferrals;

namespace Boards.Referrals.Tests.Domain;

/// <summary>
/// A referral's history is bounded: hold and resume cannot loop forever, so one referral with every text at its maximum
/// still fits in a gRPC reply (4 MiB) with room to spare.
/// </summary>
public sealed class HistoryBoundTests
{
    private static string Text(int length) => new('ñ', length);

    [Fact]
    public void A_referral_can_be_put_on_hold_at_most_twenty_times()
    {
        var referral = TestReferrals.New();
        referral.Accept(TestReferrals.Destination, null, TestReferrals.T0, TestReferrals.Policy);
        referral.Start(TestReferrals.Destination, null, TestReferrals.T0);
        for (var i = 0; i < ReferralLimits.MaxHolds; i++)
        {
            referral.Hold(TestReferrals.Destination, "Esperando turno.", TestReferrals.T0);
            referral.Resume(TestReferrals.Destination, null, TestReferrals.T0);
        }

        var refused = Assert.Throws<HoldLimitReachedException>(() => referral.Hold(TestReferrals.Destination, "Otra vez.", TestReferrals.T0));

        Assert.Contains("20 veces", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        referral.CounterRefer(TestReferrals.Helped(), TestReferrals.Destination, TestReferrals.T0);
        Assert.Equal(ReferralStatus.Completed, referral.Status);
    }

    [Fact]
    public void The_largest_possible_referral_fits_a_grpc_reply_many_times_over()
    {
        var referral = Referral.Create(TestReferrals.Request() with { Reason = Text(ReferralLimits.Reason) }, "pk_test", "hash",
            Text(ReferralLimits.Actor), TestReferrals.T0, TestReferrals.Policy);
        var actor = Text(ReferralLimits.Actor);
        referral.Accept(actor, Text(ReferralLimits.Note), TestReferrals.T0, TestReferrals.Policy);
        referral.Start(actor, Text(ReferralLimits.Note), TestReferrals.T0);
        for (var i = 0; i < ReferralLimits.MaxHolds; i++)
        {
            referral.Hold(actor, Text(ReferralLimits.Note), TestReferrals.T0);
            referral.Resume(actor, Text(ReferralLimits.Note), TestReferrals.T0);
        }

        referral.CounterRefer(TestReferrals.Helped() with
        {
            Notes = Text(ReferralLimits.CounterReferralNotes), FollowUpRecommended = true, FollowUpNote = Text(ReferralLimits.Note),
        }, actor, TestReferrals.T0);

        Assert.True(ReferralSize.Estimate(referral) < 1024 * 1024, $"{ReferralSize.Estimate(referral)} bytes");
        Assert.True(ReferralSize.Estimate(referral) < ListReferralsHandler.PageBudgetBytes);
    }
}
