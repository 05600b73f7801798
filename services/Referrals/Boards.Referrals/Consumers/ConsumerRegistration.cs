using MassTransit;

namespace Boards.Referrals.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "referrals-municipalities";

    /// <summary>
    /// The events Referrals listens to: MunicipalityRegistered on one queue shared by the replicas (setting
    /// Referrals:ReceiveEndpoint; tests use their own), and the referral changes for WatchReferrals on a temporary queue
    /// of each replica's own (<see cref="ReferralWatchQueue"/>).
    /// </summary>
    public static IBusRegistrationConfigurator AddReferralsConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);

        var watchQueue = ReferralWatchQueue.ForThisInstance();
        bus.AddSingleton(watchQueue);
        bus.AddReceiveEndpointObserver<ReferralWatchQueueObserver>();
        bus.AddConsumer<ReferralChangeConsumer>().Endpoint(e =>
        {
            e.Name = watchQueue.Name;
            e.Temporary = true;
            // One at a time: the watchers get the changes in the order the bus brought them.
            e.ConcurrentMessageLimit = 1;
            // A change that could not be relayed has already ended the streams (they resume with since): nothing to keep.
            e.AddConfigureEndpointCallback(endpoint => endpoint.DiscardFaultedMessages());
        });
        return bus;
    }
}
