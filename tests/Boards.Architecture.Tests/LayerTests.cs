using System.Reflection;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>
/// docs/architecture.md's floor plan inside a service: Data/ (persistence) depends on Domain/ only, never on
/// Features/ (the use cases) or Api/ (REST and gRPC), so that persistence does not loop back into what uses it.
/// Issue 17 brings the services to it one by one: those listed in <see cref="NotYet"/> still break the rule, and the
/// test says so when one of them no longer does, so that the list only shrinks.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] DomainServices =
        ["Boards.Referrals", "Boards.Membership", "Boards.Needs", "Boards.ServiceDays", "Boards.Planning", "Boards.Monitoring"];

    /// <summary>Services whose Data/ still reads types from Features/ (the municipality replicas, the entities).</summary>
    private static readonly string[] NotYet = ["Boards.ServiceDays"];

    public static TheoryData<string> Services() => new(DomainServices);

    private static Assembly Load(string name) => Modules.Main.Single(a => Modules.Name(a) == name);

    private static TestResult DataDependsOnUseCasesOrApi(string module) =>
        Types.InAssembly(Load(module))
            .That().ResideInNamespace(module + ".Data")
            .ShouldNot().HaveDependencyOnAny(module + ".Features", module + ".Api")
            .GetResult();

    [Fact]
    public void The_rule_detects_a_layer_that_reads_the_use_cases()
    {
        // Control: Api/ calls Features/ by design, so the same rule applied to it must fail.
        var result = Types.InAssembly(Load("Boards.Referrals"))
            .That().ResideInNamespace("Boards.Referrals.Api")
            .ShouldNot().HaveDependencyOnAny("Boards.Referrals.Features")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Data_depends_on_neither_the_use_cases_nor_the_api(string module)
    {
        var result = DataDependsOnUseCasesOrApi(module);

        if (NotYet.Contains(module))
        {
            Assert.False(result.IsSuccessful,
                $"{module}'s Data/ no longer depends on Features/ or Api/: take it out of LayerTests.NotYet.");
            return;
        }

        Assert.True(result.IsSuccessful,
            $"{string.Join(", ", result.FailingTypeNames ?? [])} in {module}.Data depend on Features/ or Api/. " +
            "Move the persisted types to Domain/ and keep Data/ to the DbContext, configurations and migrations.");
    }
}
