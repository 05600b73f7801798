using System.Diagnostics;
using Npgsql;

namespace Boards.Bench.Infrastructure;

/// <summary>
/// Waits until Monitoring has the referral_facts rows of the given referrals: their events went through the outbox
/// relay, RabbitMQ and the consumer. The CPU window of a create step closes only then, so it holds the whole pipeline.
/// </summary>
public static class EventsHandled
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns how long it waited and how many facts were still missing when it stopped.</summary>
    public static async Task<(double Seconds, int Missing)> WaitAsync(BenchOptions options, IReadOnlyCollection<Guid> referrals, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        if (referrals.Count == 0)
        {
            return (0, 0);
        }

        await using var monitoring = NpgsqlDataSource.Create(options.Database("monitoringdb"));
        // Only the facts not yet seen are asked for again, so the polls themselves add little to PostgreSQL's share.
        var waiting = referrals.ToHashSet();
        while (true)
        {
            await using var query = monitoring.CreateCommand("SELECT referral_id FROM referral_facts WHERE referral_id = ANY($1)");
            query.Parameters.Add(new NpgsqlParameter { Value = waiting.ToArray() });
            await using (var reader = await query.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    waiting.Remove(reader.GetGuid(0));
                }
            }

            if (waiting.Count == 0 || clock.Elapsed > patience)
            {
                return (clock.Elapsed.TotalSeconds, waiting.Count);
            }

            await Task.Delay(PollInterval);
        }
    }
}
