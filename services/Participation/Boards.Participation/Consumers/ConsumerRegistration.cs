using MassTransit;

namespace Boards.Participation.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "participation-events";

    /// <summary>The events Participation listens to, on one queue (setting Participation:ReceiveEndpoint; tests use their own).</summary>
    public static IBusRegistrationConfigurator AddParticipationConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
