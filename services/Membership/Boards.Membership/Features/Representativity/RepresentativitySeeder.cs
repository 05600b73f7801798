using Boards.Membership.Data;
using Boards.Membership.Domain.Representativity;

namespace Boards.Membership.Features.Representativity;

public static class RepresentativitySeeder
{
    /// <summary>Stores policy version 1 (the calculator's defaults) if none is stored, and assesses boards that have no assessment yet.</summary>
    public static async Task SeedRepresentativityAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var recorder = scope.ServiceProvider.GetRequiredService<RepresentativityRecorder>();
        if (!await db.RepresentativityPolicies.AnyAsync(ct))
        {
            db.RepresentativityPolicies.Add(RepresentativityPolicyVersion.From(RepresentativityPolicy.Default, clock.GetUtcNow(), "sistema"));
        }

        await recorder.RecordAllAsync(onlyUnassessed: true, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded at the same time; its rows are as good as ours.
        }
    }
}
