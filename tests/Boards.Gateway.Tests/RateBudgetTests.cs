using Boards.ServiceDefaults.Http;
using Microsoft.Extensions.Configuration;

namespace Boards.Gateway.Tests;

/// <summary>The rate limit is a budget for the whole system: with N replicas behind the ingress, each holds 1/N of it.</summary>
public sealed class RateBudgetTests
{
    [Theory]
    [InlineData(50, 100, 1, 50, 100)]
    [InlineData(50, 100, 2, 25, 50)]
    [InlineData(50, 100, 3, 17, 34)]
    [InlineData(1, 3, 4, 1, 1)]
    public void Each_replica_holds_its_share_rounded_up(int perSecond, int burst, int replicas, int replicaPerSecond, int replicaBurst)
    {
        var budget = RateBudget.From(Section(("PermitsPerSecond", perSecond), ("Burst", burst), ("Replicas", replicas)), 9, 9);

        Assert.Equal((replicaPerSecond, replicaBurst), (budget.ReplicaPermitsPerSecond, budget.ReplicaBurst));
    }

    [Theory]
    [InlineData("Replicas", 0)]
    [InlineData("Burst", -1)]
    [InlineData("PermitsPerSecond", 0)]
    public void A_budget_of_nothing_is_refused_at_start(string key, int value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RateBudget.From(Section((key, value)), 50, 100));
        Assert.Contains("Gateway:RateLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_is_one_of_three_refuses_past_its_third_of_the_burst()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string> { ["Gateway:RateLimit:Burst"] = "6", ["Gateway:RateLimit:Replicas"] = "3" });
        using var client = gateway.ClientFrom("192.0.2.77");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get("/api/referrals"));

        Assert.NotNull(rejected);
        rejected.Dispose();
        Assert.InRange(before.Count, 2, 3);
    }

    private static IConfigurationSection Section(params (string Key, int Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create($"Gateway:RateLimit:{v.Key}", (string?)v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Build()
            .GetSection("Gateway:RateLimit");
}
