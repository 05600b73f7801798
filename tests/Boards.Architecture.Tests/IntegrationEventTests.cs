using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>
/// ARCHITECTURE.md: an integration event is a <c>public sealed record</c> with <c>init</c> properties and a past-tense
/// name (<c>ReferralAccepted</c>), in the publisher's Contracts project, namespace <c>*.Contracts.Events</c>.
/// </summary>
public sealed class IntegrationEventTests
{
    /// <summary>
    /// Names that state a fact without ending in "-ed". Add one here only if it reads as something that already
    /// happened ("the referral is overdue", "the referral was put on hold"), never for a command ("ApproveReferral").
    /// </summary>
    private static readonly IReadOnlySet<string> PastTenseAllowList = new HashSet<string>(StringComparer.Ordinal)
    {
        "NotificationsRead",
        "ReferralOverdue",
        "ReferralPutOnHold",
        "ServiceDayHeld",
        "SessionHeld",
    };

    public static TheoryData<string> Events() => new(EventTypes().Select(t => t.FullName!));

    private static IEnumerable<Type> EventTypes() =>
        Modules.Contracts.SelectMany(Modules.LoadableTypes)
            .Where(t => t.Namespace?.EndsWith(".Contracts.Events", StringComparison.Ordinal) == true)
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static Type Event(string fullName) => EventTypes().Single(t => t.FullName == fullName);

    [Fact]
    public void The_referral_events_are_found()
    {
        var names = EventTypes().Select(t => t.Name).ToList();

        Assert.Contains("ReferralRequested", names);
        Assert.Contains("ReferralAccepted", names);
        Assert.Contains("ReferralCounterReferred", names);
        Assert.Contains("ReferralOverdue", names);
        Assert.DoesNotContain("ReferralEvent", names); // abstract base, not an event of its own
    }

    [Fact]
    public void Every_integration_event_is_sealed()
    {
        var result = Types.InAssemblies(Modules.Contracts)
            .That().ResideInNamespaceEndingWith(".Contracts.Events").And().AreClasses().And().AreNotAbstract()
            .Should().BeSealed()
            .GetResult();

        Assert.True(result.IsSuccessful,
            $"Integration events must be sealed: {string.Join(", ", result.FailingTypeNames ?? [])}. " +
            "A subscriber binds to the exact type; a subclass would be a second, hidden contract. Add 'sealed'.");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void An_integration_event_is_a_public_sealed_record(string fullName)
    {
        var type = Event(fullName);

        Assert.True(type.IsPublic, $"{type.Name} must be public: other services compile against it.");
        Assert.True(type.IsSealed, $"{type.Name} must be sealed: declare it 'public sealed record {type.Name}'.");
        Assert.True(IsRecord(type),
            $"{type.Name} must be a record ('public sealed record {type.Name}'), so that it has value equality and 'with' copies.");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void An_integration_event_can_be_set_only_when_it_is_created(string fullName)
    {
        var type = Event(fullName);
        const BindingFlags everyInstanceMember = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        var mutable = type.GetProperties(everyInstanceMember)
            .Where(p => p.SetMethod is { } setter && !IsInitOnly(setter))
            .Select(p => $"property {p.DeclaringType!.Name}.{p.Name} has a 'set' accessor")
            .Concat(type.GetFields(everyInstanceMember)
                .Where(f => !f.IsInitOnly && !f.IsDefined(typeof(CompilerGeneratedAttribute), false))
                .Select(f => $"field {f.DeclaringType!.Name}.{f.Name} is not readonly"))
            .ToList();

        Assert.True(mutable.Count == 0,
            $"{type.Name} is an event: a fact that happened and never changes once published. " +
            $"Use '{{ get; init; }}' instead: {string.Join("; ", mutable)}.");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void An_integration_event_is_named_in_the_past_tense(string fullName)
    {
        var name = Event(fullName).Name;

        Assert.True(name.EndsWith("ed", StringComparison.Ordinal) || PastTenseAllowList.Contains(name),
            $"'{name}' does not read as something that already happened. Name events in the past tense " +
            "(ReferralAccepted, not AcceptReferral or ReferralAccept). If the name is a past-tense fact that does not end " +
            $"in -ed, add it to {nameof(IntegrationEventTests)}.{nameof(PastTenseAllowList)}.");
    }

    [Fact]
    public void The_init_only_check_tells_init_from_set()
    {
        // Control: the check must tell the two accessors apart, or the rule above would pass anything.
        Assert.True(IsInitOnly(typeof(InitOnlySample).GetProperty(nameof(InitOnlySample.Value))!.SetMethod!));
        Assert.False(IsInitOnly(typeof(SettableSample).GetProperty(nameof(SettableSample.Value))!.SetMethod!));
        Assert.True(IsRecord(typeof(InitOnlySample)));
        Assert.False(IsRecord(typeof(SettableSample)));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>The compiler gives every record class a hidden clone method used by 'with'.</summary>
    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) is not null;

    private sealed record InitOnlySample
    {
        public int Value { get; init; }
    }

    private sealed class SettableSample
    {
        public int Value { get; set; }
    }
}
