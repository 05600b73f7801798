using System.Diagnostics;
using Xunit.Abstractions;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Batch;

/// <summary>
/// Prints 100 single CreateReferral calls against one BatchCreateReferrals of 100 items, both over the in-memory gRPC
/// channel with a real token and real PostgreSQL. It only prints (the bench harness judges throughput through the
/// gateway); it asserts that both ways created the 100 referrals.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class BatchThroughputMeasurement(BatchHost host, ITestOutputHelper output)
{
    private const int Count = 100;

    [Fact]
    public async Task Measure_100_singles_against_one_batch_of_100()
    {
        var client = await host.IntegratorClientAsync();
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        // Warm up both paths (JIT, connection pool, token validation keys).
        await client.CreateReferralAsync(Single(service));
        await client.BatchCreateReferralsAsync(Batch(service, 5));
        var before = await host.CountWrittenAsync();

        var singles = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++)
        {
            await client.CreateReferralAsync(Single(service));
        }

        singles.Stop();
        var batch = Stopwatch.StartNew();
        var results = (await client.BatchCreateReferralsAsync(Batch(service, Count))).Results;
        batch.Stop();

        Assert.All(results, r => Assert.Equal(Proto.BatchReferralResult.OutcomeOneofCase.Referral, r.OutcomeCase));
        Assert.Equal((before.Referrals + 2 * Count, before.Requested + 2 * Count), await host.CountWrittenAsync());
        var singlesPerSecond = Count / singles.Elapsed.TotalSeconds;
        var batchPerSecond = Count / batch.Elapsed.TotalSeconds;
        output.WriteLine(
            $"100 singles: {singles.Elapsed.TotalMilliseconds:0} ms ({singlesPerSecond:0}/s); one batch of 100: {batch.Elapsed.TotalMilliseconds:0} ms " +
            $"({batchPerSecond:0}/s); batch/singles = {batchPerSecond / singlesPerSecond:0.0}x");
    }

    private static Proto.CreateReferralRequest Single(string service)
    {
        var request = BatchRequests.Item(BatchRequests.NewReferenceId("single"), service).Referral;
        request.RequestId = $"single-{Guid.NewGuid():N}";
        return request;
    }

    private static Proto.BatchCreateReferralsRequest Batch(string service, int count)
    {
        var request = new Proto.BatchCreateReferralsRequest();
        request.Items.AddRange(Enumerable.Range(0, count).Select(i => BatchRequests.Item(BatchRequests.NewReferenceId($"lote{i}"), service)));
        return request;
    }
}
