using System.Reflection;
using System.Runtime.CompilerServices;
using Boards.BuildingBlocks.Inbox;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Architecture.Tests;

/// <summary>
/// The inbox remembers handled messages per consumer name. A consumer's name is written out (InboxName), and this list
/// holds every deployed name: renaming or merging consumer classes (or replacing them with one generic consumer closed per
/// event) must keep them, or the inbox would handle old messages again. A new consumer adds its name here.
/// </summary>
public sealed class InboxNameTests
{
    private static readonly Dictionary<string, string[]> Deployed = new()
    {
        ["Boards.Referrals"] = ["MunicipalityRegisteredConsumer"],
        ["Boards.Membership"] = ["FocalPointAccessConsumer", "FocalPointAccountChangedConsumer"],
        ["Boards.Needs"] = ["MunicipalityRegisteredConsumer", "ReferralCounterReferredConsumer", "ReferralRejectedConsumer"],
        ["Boards.ServiceDays"] = ["MunicipalityRegisteredConsumer", "ServiceOfferChangedConsumer"],
        ["Boards.Participation"] = ["MunicipalityRegisteredConsumer"],
        ["Boards.Planning"] =
        [
            "AgreementRecordedConsumer", "AgreementStatusChangedConsumer", "MunicipalityRegisteredConsumer",
            "NeedsPrioritizedConsumer", "SessionHeldConsumer",
        ],
        ["Boards.Monitoring"] =
        [
            "FocalPointAccessChangedConsumer", "FocalPointAppointedConsumer",
            "GapAnalysisPublishedConsumer", "MunicipalityRegisteredConsumer", "PlanActionProgressedConsumer", "PlanApprovedConsumer",
            "ReferralAcceptedConsumer", "ReferralCancelledConsumer", "ReferralCounterReferredConsumer", "ReferralOverdueConsumer",
            "ReferralPutOnHoldConsumer", "ReferralRejectedConsumer", "ReferralRequestedConsumer", "ReferralResumedConsumer",
            "ReferralStartedConsumer", "RepresentativityAssessedConsumer", "ServiceDayHeldConsumer", "SessionHeldConsumer",
            "PulseAnswerRecordedConsumer", "PulseCodesIssuedConsumer",
        ],
        ["Boards.Notifications"] =
        [
            "AgreementRecordedConsumer", "AgreementStatusChangedConsumer", "EarlyWarningRaisedConsumer", "MunicipalityRegisteredConsumer",
            "PlanActionProgressedConsumer", "ReferralAcceptedConsumer", "ReferralCancelledConsumer", "ReferralCounterReferredConsumer",
            "ReferralOverdueConsumer", "ReferralRejectedConsumer", "ReferralRequestedConsumer", "ServiceDayScheduledConsumer",
        ],
    };

    public static TheoryData<string> Services() => new(Deployed.Keys);

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_consumer_keeps_its_deployed_inbox_name(string module)
    {
        var assembly = Modules.Main.Single(a => Modules.Name(a) == module);

        var names = InboxNamesIn(assembly);

        Assert.Equal(Deployed[module].Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    /// <summary>The inbox name of every consumer the service has: its consumer classes, and its closed generic consumers.</summary>
    private static List<string> InboxNamesIn(Assembly assembly)
    {
        var names = new List<string>();
        foreach (var type in ConsumerTypes(assembly).Concat(RegisteredConsumerTypes(assembly)).Distinct())
        {
            // The name must not depend on what the consumer was given: it is read from an instance nothing was given to.
            var instance = RuntimeHelpers.GetUninitializedObject(type);
            var getter = type.GetProperty("InboxName", BindingFlags.Instance | BindingFlags.NonPublic)!;
            names.Add((string)getter.GetValue(instance)!);
        }
        return names;
    }

    private static IEnumerable<Type> ConsumerTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && IsIdempotentConsumer(t));

    /// <summary>
    /// A generic consumer (Monitoring's ReadModelConsumer&lt;TEvent&gt;) has no type of its own per event: its closed types
    /// are those the service registers. They are read by running each of the service's bus registrations (a public static
    /// method taking IBusRegistrationConfigurator and the receive endpoint's name) into a container that is never built.
    /// </summary>
    private static IEnumerable<Type> RegisteredConsumerTypes(Assembly assembly)
    {
        var registrations = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters() is [var bus, var endpoint]
                        && bus.ParameterType == typeof(IBusRegistrationConfigurator) && endpoint.ParameterType == typeof(string));
        foreach (var registration in registrations)
        {
            var services = new ServiceCollection();
            services.AddMassTransit(bus => registration.Invoke(null, [bus, "inbox-name-test"]));
            foreach (var type in services.Select(s => s.ServiceType).Where(t => !t.IsGenericTypeDefinition && IsIdempotentConsumer(t)))
            {
                yield return type;
            }
        }
    }

    private static bool IsIdempotentConsumer(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>))
            {
                return true;
            }
        }

        return false;
    }
}
