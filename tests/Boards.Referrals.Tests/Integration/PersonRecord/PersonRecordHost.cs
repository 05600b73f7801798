using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Boards.Referrals.Features.PersonRecord;
using Boards.Referrals.Features.ServiceAvailability;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.PersonRecord;

/// <summary>
/// The Referrals service in-process on the REAL PostgreSQL and RabbitMQ with REAL tokens, keeping closed referrals for
/// the default retention period (two years; BatchHost's is two seconds), so that a person's record shows them.
/// </summary>
public sealed class PersonRecordHost() : ServiceTestHost<Program>("referrals", "referralsdb", "Referrals:ReceiveEndpoint", "referrals-municipalities"), IAsyncLifetime
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:SeedDemoData", "false");
        web.UseSetting("Referrals:Retention:AutomaticSweep", "false");
        // Every service is "not verified": the catalog is not what these tests are about.
        web.ConfigureTestServices(services => services.AddSingleton<IServiceAvailability>(new ScriptedAvailability()));
    }

    public Proto.ReferralService.ReferralServiceClient GrpcClient(string token) => new(Channel().Intercept(new BearerToken(token)));

    /// <summary>The read audit's rows for openings of a person's record from this referral.</summary>
    public Task<List<PersonalDataRead>> RecordOpeningsAsync(Guid anchor) =>
        InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Set<PersonalDataRead>().AsNoTracking()
            .Where(r => r.ReferralId == anchor && r.Action == PersonRecordHandler.AuditAction).ToListAsync());
}

[CollectionDefinition(Name)]
public sealed class PersonRecordCollection : ICollectionFixture<PersonRecordHost>
{
    public const string Name = "person-record";
}
