using Microsoft.Extensions.Configuration;

namespace Boards.ServiceDefaults.Http;

/// <summary>
/// A rate limit for the whole system, divided among the replicas that enforce it. The ingress spreads each client's
/// requests over the replicas, so each keeps a bucket of its share and together they hold the limit. Sections
/// <c>Gateway:RateLimit</c> and <c>Identity:RateLimit</c>: <c>PermitsPerSecond</c>, <c>Burst</c>, <c>Replicas</c>
/// (docs/configuration.md explains why the limit is divided rather than counted in a shared store).
/// </summary>
public sealed record RateBudget(int PermitsPerSecond, int Burst, int Replicas)
{
    public static RateBudget From(IConfigurationSection section, int permitsPerSecond, int burst)
    {
        var budget = new RateBudget(
            section.GetValue("PermitsPerSecond", permitsPerSecond), section.GetValue("Burst", burst), section.GetValue("Replicas", 1));
        if (budget.PermitsPerSecond < 1 || budget.Burst < 1 || budget.Replicas < 1)
        {
            throw new InvalidOperationException($"{section.Path}: PermitsPerSecond, Burst and Replicas must be whole numbers of 1 or more.");
        }

        return budget;
    }

    /// <summary>This replica's refill per second (rounded up, so that a small budget never rounds to nothing).</summary>
    public int ReplicaPermitsPerSecond => Share(PermitsPerSecond);

    public int ReplicaBurst => Share(Burst);

    /// <summary>This replica's part of <paramref name="total"/> (another budget divided the same way, e.g. an integrator's own).</summary>
    public int Share(int total) => (total + Replicas - 1) / Replicas;
}
