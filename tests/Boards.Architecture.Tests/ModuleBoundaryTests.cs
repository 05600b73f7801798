using System.Reflection;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>
/// ARCHITECTURE.md: "Other services may reference only a service's .Contracts project, and an architecture test
/// enforces this." This is that test, for every service and gateway assembly referenced by this project.
/// </summary>
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> MainModules() => new(Modules.Main.Select(Modules.Name));

    public static TheoryData<string> ContractsModules() => new(Modules.Contracts.Select(Modules.Name));

    private static Assembly Load(string name) => Modules.Main.Concat(Modules.Contracts).Single(a => Modules.Name(a) == name);

    [Fact]
    public void The_rules_see_the_services_and_gateways_this_project_references()
    {
        var main = Modules.Main.Select(Modules.Name).ToList();
        var contracts = Modules.Contracts.Select(Modules.Name).ToList();

        Assert.Contains("Boards.Referrals", main);
        Assert.Contains("Boards.Gateway", main);
        Assert.Contains("Boards.Referrals.Contracts", contracts);
        Assert.DoesNotContain("Boards.BuildingBlocks", main);
        Assert.DoesNotContain("Boards.ServiceDefaults", main);
    }

    [Fact]
    public void A_modules_internals_are_its_namespaces_but_not_its_contracts()
    {
        var internals = Modules.InternalsOf(Load("Boards.Referrals"));

        Assert.Contains("Boards.Referrals.Domain", internals);
        Assert.Contains("Boards.Referrals.Features.CreateReferral", internals);
        Assert.Contains("Boards.Referrals.Data", internals);
        Assert.Contains("Boards.Referrals.Api.Grpc", internals);
        Assert.DoesNotContain(internals, name => name.StartsWith("Boards.Referrals.Contracts", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dependency_rule_detects_a_real_dependency()
    {
        // Control: the rule below must be able to fail. Referrals' API does depend on its own domain.
        var result = Types.InAssembly(Load("Boards.Referrals"))
            .That().ResideInNamespace("Boards.Referrals.Api")
            .ShouldNot().HaveDependencyOnAny(["Boards.Referrals.Domain"])
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Theory]
    [MemberData(nameof(MainModules))]
    public void No_type_depends_on_another_modules_domain_features_data_or_api(string moduleName)
    {
        var module = Load(moduleName);
        var violations = new List<string>();

        foreach (var other in Modules.Main.Where(m => m != module))
        {
            var forbidden = Modules.InternalsOf(other);
            if (forbidden.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
            {
                violations.AddRange(result.FailingTypeNames.Select(type =>
                    $"{type} uses the internals of {Modules.Name(other)}; use {Modules.Name(other)}.Contracts (events, gRPC) instead."));
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(MainModules))]
    public void A_module_references_only_other_modules_contracts_and_the_shared_assemblies(string moduleName)
    {
        var module = Load(moduleName);

        var wrong = module.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Boards.", StringComparison.Ordinal))
            .Where(name => !Modules.IsContracts(name) && !Modules.Shared.Contains(name))
            .ToList();

        Assert.True(wrong.Count == 0,
            $"{moduleName} references {string.Join(", ", wrong)}. A service may reference only other services' *.Contracts, " +
            $"{string.Join(" and ", Modules.Shared)}.");
    }

    [Theory]
    [MemberData(nameof(ContractsModules))]
    public void Contracts_reference_nothing_of_ours_but_other_contracts(string contractsName)
    {
        var contracts = Load(contractsName);

        var wrong = contracts.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Boards.", StringComparison.Ordinal) && !Modules.IsContracts(name))
            .ToList();

        Assert.True(wrong.Count == 0,
            $"{contractsName} references {string.Join(", ", wrong)}. Contracts are what other services and integrators " +
            "compile against: they may depend on other *.Contracts only, never on BuildingBlocks, ServiceDefaults or a service.");
    }

    [Theory]
    [MemberData(nameof(ContractsModules))]
    public void No_contract_type_depends_on_shared_or_service_code(string contractsName)
    {
        var forbidden = Modules.Shared.Concat(Modules.Main.SelectMany(Modules.InternalsOf)).ToArray();

        var result = Types.InAssembly(Load(contractsName)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"In {contractsName}: {string.Join(", ", result.FailingTypeNames ?? [])} depend on shared or service code.");
    }
}
