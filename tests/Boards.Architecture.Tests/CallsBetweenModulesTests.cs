using Boards.Membership.Api.InProcess;
using Boards.Membership.Contracts.Calls;
using Boards.Needs.Api.InProcess;
using Boards.Needs.Contracts.Calls;
using Boards.Needs.Features.CastBallot;
using Boards.Referrals.Api.InProcess;
using Boards.Referrals.Contracts.Calls;
using Boards.Referrals.Features.ServiceAvailability;
using Boards.ServiceDays.Features.ReferralsClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Architecture.Tests;

/// <summary>
/// docs/architecture.md, "Calls between modules": a call from one module to another goes through an interface in the
/// callee's Contracts (namespace *.Contracts.Calls). Its in-process adapter is the callee's own (Api/InProcess), its gRPC
/// adapters are the callers', and in one process the in-process adapter is the one registered, whichever module is
/// added first.
/// </summary>
public sealed class CallsBetweenModulesTests
{
    public static TheoryData<string> CallInterfaces() => new(Interfaces().Select(t => t.FullName!));

    private static IEnumerable<Type> Interfaces() =>
        Modules.Contracts.SelectMany(Modules.LoadableTypes)
            .Where(t => t is { IsInterface: true, Namespace: { } ns } && ns.EndsWith(".Contracts.Calls", StringComparison.Ordinal));

    [Fact]
    public void The_calls_between_modules_are_these_three()
    {
        Assert.Equal(
            [typeof(IBoardService).FullName!, typeof(IOfferCatalog).FullName!, typeof(IReferralService).FullName!],
            Interfaces().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(CallInterfaces))]
    public void The_callee_has_the_one_in_process_adapter_and_only_other_modules_have_grpc_adapters(string interfaceName)
    {
        var contract = Interfaces().Single(t => t.FullName == interfaceName);
        var callee = Modules.ModuleOf(Modules.Name(contract.Assembly));
        var adapters = Modules.Main.SelectMany(Modules.LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false } && contract.IsAssignableFrom(t))
            .ToList();

        var own = Assert.Single(adapters, t => Modules.Name(t.Assembly) == callee);
        Assert.Equal($"{callee}.Api.InProcess", own.Namespace);
        var callers = adapters.Where(t => Modules.Name(t.Assembly) != callee).ToList();
        Assert.NotEmpty(callers);
        Assert.All(callers, t => Assert.StartsWith("Grpc", t.Name, StringComparison.Ordinal));
    }

    public static TheoryData<string> Pairs() => new(RegistrationPairs.Keys);

    private static readonly Dictionary<string, (Type Contract, Type InProcess, Action<IServiceCollection> Callee, Action<IServiceCollection> Caller)> RegistrationPairs = new()
    {
        ["Referrals → Needs"] = (typeof(IOfferCatalog), typeof(InProcessOfferCatalog), s => s.AddNeedsInProcessCalls(), s => s.AddServiceAvailability()),
        ["Needs → Membership"] = (typeof(IBoardService), typeof(InProcessBoardService), s => s.AddMembershipInProcessCalls(), s => s.AddBoardRoster()),
        ["ServiceDays → Referrals"] = (typeof(IReferralService), typeof(InProcessReferralService), s => s.AddReferralsInProcessCalls(), s => s.AddReferralSender()),
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void In_one_process_the_in_process_adapter_is_registered_whichever_module_comes_first(string pair)
    {
        var (contract, inProcess, callee, caller) = RegistrationPairs[pair];

        foreach (var order in new[] { new[] { caller, callee }, [callee, caller] })
        {
            var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            foreach (var register in order)
            {
                register(services);
            }

            Assert.Equal(inProcess, Assert.Single(services, d => d.ServiceType == contract).ImplementationType);
        }

        var alone = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        caller(alone);
        Assert.StartsWith("Grpc", Assert.Single(alone, d => d.ServiceType == contract).ImplementationType!.Name, StringComparison.Ordinal);
    }
}
