using System.Reflection;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>
/// docs/architecture.md's floor plan inside a service: Data/ (persistence) depends on Domain/ only, never on
/// Features/ (the use cases) or Api/ (REST and gRPC), so that persistence does not loop back into what uses it.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] DomainServices =
        ["Boards.Referrals", "Boards.Membership", "Boards.Needs", "Boards.ServiceDays", "Boards.Planning", "Boards.Monitoring", "Boards.Notifications", "Boards.Participation"];

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

        Assert.True(result.IsSuccessful,
            $"{string.Join(", ", result.FailingTypeNames ?? [])} in {module}.Data depend on Features/ or Api/. " +
            "Move the persisted types to Domain/ and keep Data/ to the DbContext, configurations and migrations.");
    }
}
