using MassTransit;

namespace Boards.Planning.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "planning-events";

    /// <summary>The events Planning listens to, on one queue (setting Planning:ReceiveEndpoint; tests use their own).</summary>
    public static IBusRegistrationConfigurator AddPlanningConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<NeedsPrioritizedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<SessionHeldConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<AgreementRecordedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<AgreementStatusChangedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
