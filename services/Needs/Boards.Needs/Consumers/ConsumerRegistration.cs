using MassTransit;

namespace Boards.Needs.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "needs-municipalities";

    /// <summary>The events Needs listens to, on one queue (setting Needs:ReceiveEndpoint; tests use their own).</summary>
    public static IBusRegistrationConfigurator AddNeedsConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralRejectedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralCounterReferredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
