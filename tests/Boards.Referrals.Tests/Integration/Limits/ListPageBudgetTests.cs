using Boards.Referrals.Features.ListReferrals;
using Boards.Referrals.Tests.Domain;

namespace Boards.Referrals.Tests.Integration.Limits;

/// <summary>
/// A page of referrals whose texts are all at their maximum ends before it would pass the page budget, whatever page
/// size was asked for, and the next page token goes on from there without losing or repeating a referral.
/// </summary>
public sealed class ListPageBudgetTests(ReferralsHost host) : IClassFixture<ReferralsHost>
{
    private static readonly Caller Analyst = new("sub-analyst", "analista", new HashSet<string> { BoardsRoles.MinistryAnalyst }, null, null);

    [Fact]
    public async Task Pages_of_the_largest_referrals_stay_within_the_budget_and_together_hold_every_referral()
    {
        var municipality = $"largo-{Guid.NewGuid().ToString("N")[..8]}";
        var stored = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            var ids = new List<Guid>();
            for (var i = 0; i < 12; i++)
            {
                var referral = Largest(municipality, i);
                db.Referrals.Add(referral);
                ids.Add(referral.Id);
            }

            await db.SaveChangesAsync();
            return ids;
        });

        var seen = new List<Guid>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await host.InScopeAsync(services => services.GetRequiredService<ListReferralsHandler>()
                .HandleAsync(new ListReferralsQuery(municipality, [], false, ListReferralsHandler.MaxPageSize, token), Analyst, CancellationToken.None));
            Assert.True(page.Referrals.Sum(ReferralSize.Estimate) <= ListReferralsHandler.PageBudgetBytes || page.Referrals.Count == 1);
            Assert.Equal(12, page.TotalCount);
            seen.AddRange(page.Referrals.Select(r => r.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.True(pages > 1, "Doce referencias al máximo no caben en una página.");
        Assert.Equal(stored.OrderDescending(), seen);
    }

    private static Referral Largest(string municipality, int i)
    {
        static string Text(int length) => new('ñ', length);
        var actor = Text(ReferralLimits.Actor);
        var referral = Referral.Create(
            TestReferrals.Request() with { MunicipalityCode = municipality, RequestId = $"largo-{municipality}-{i}", Reason = Text(ReferralLimits.Reason) },
            "pk_test", $"hash-{i}", actor, TestReferrals.T0, TestReferrals.Policy);
        referral.Accept(actor, Text(ReferralLimits.Note), TestReferrals.T0, TestReferrals.Policy);
        referral.Start(actor, Text(ReferralLimits.Note), TestReferrals.T0);
        for (var hold = 0; hold < ReferralLimits.MaxHolds; hold++)
        {
            referral.Hold(actor, Text(ReferralLimits.Note), TestReferrals.T0);
            referral.Resume(actor, Text(ReferralLimits.Note), TestReferrals.T0);
        }

        return referral;
    }
}
