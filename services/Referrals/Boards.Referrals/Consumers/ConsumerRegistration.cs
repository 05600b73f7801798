using MassTransit;

namespace Boards.Referrals.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "referrals-municipalities";

    /// <summary>
    /// The events Referrals listens to: MunicipalityRegistered on one queue shared by the replicas (setting
    /// Referrals:ReceiveEndpoint; tests use their own), and the referral changes for WatchReferrals on a temporary queue
    /// of each replica's own, connected only while someone on the replica watches (<see cref="ReferralWatchQueue"/>).
    /// </summary>
    public static IBusRegistrationConfigurator AddReferralsConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralChangeConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddSingleton<ReferralWatchQueue>();
        return bus;
    }
}
