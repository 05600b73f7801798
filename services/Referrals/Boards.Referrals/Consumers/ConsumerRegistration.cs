using MassTransit;

namespace Boards.Referrals.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "referrals-municipalities";

    /// <summary>The events Referrals listens to, on one queue (setting Referrals:ReceiveEndpoint; tests use their own).</summary>
    public static IBusRegistrationConfigurator AddReferralsConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
