using System.Reflection;
using System.Runtime.CompilerServices;
using Boards.BuildingBlocks.Inbox;

namespace Boards.Architecture.Tests;

/// <summary>
/// The inbox remembers handled messages per consumer name. A consumer's name is written out (InboxName), and this list
/// holds every deployed name: renaming or merging consumer classes must keep them, or the inbox would handle old
/// messages again. A new consumer adds its name here.
/// </summary>
public sealed class InboxNameTests
{
    private static readonly Dictionary<string, string[]> Deployed = new()
    {
        ["Boards.Referrals"] = ["MunicipalityRegisteredConsumer"],
        ["Boards.Membership"] = ["FocalPointAccessConsumer", "FocalPointAccountChangedConsumer"],
        ["Boards.Needs"] = ["MunicipalityRegisteredConsumer", "ReferralCounterReferredConsumer", "ReferralRejectedConsumer"],
        ["Boards.ServiceDays"] = ["MunicipalityRegisteredConsumer", "ServiceOfferChangedConsumer"],
        ["Boards.Planning"] =
        [
            "AgreementRecordedConsumer", "AgreementStatusChangedConsumer", "MunicipalityRegisteredConsumer",
            "NeedsPrioritizedConsumer", "SessionHeldConsumer",
        ],
        ["Boards.Monitoring"] =
        [
            "GapAnalysisPublishedConsumer", "MunicipalityRegisteredConsumer", "PlanActionProgressedConsumer", "PlanApprovedConsumer",
            "ReferralAcceptedConsumer", "ReferralCancelledConsumer", "ReferralCounterReferredConsumer", "ReferralOverdueConsumer",
            "ReferralPutOnHoldConsumer", "ReferralRejectedConsumer", "ReferralRequestedConsumer", "ReferralResumedConsumer",
            "ReferralStartedConsumer", "RepresentativityAssessedConsumer", "ServiceDayHeldConsumer", "SessionHeldConsumer",
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

    /// <summary>The inbox name of every concrete consumer type in the assembly.</summary>
    private static List<string> InboxNamesIn(Assembly assembly)
    {
        var names = new List<string>();
        foreach (var type in ConsumerTypes(assembly))
        {
            var instance = RuntimeHelpers.GetUninitializedObject(type);
            var getter = type.GetProperty("InboxName", BindingFlags.Instance | BindingFlags.NonPublic)!;
            names.Add((string)getter.GetValue(instance)!);
        }
        return names;
    }

    private static IEnumerable<Type> ConsumerTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && IsIdempotentConsumer(t));

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
