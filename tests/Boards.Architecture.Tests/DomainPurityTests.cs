using System.Reflection;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>ARCHITECTURE.md: Domain/ holds aggregates, value objects and rules; no EF, no ASP.NET, no transport.</summary>
public sealed class DomainPurityTests
{
    private static readonly string[] Infrastructure =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Npgsql",
        "MassTransit",
        "Grpc",
        "Google.Protobuf",
    ];

    public static TheoryData<string> MainModules() => new(Modules.Main.Select(Modules.Name));

    private static Assembly Load(string name) => Modules.Main.Single(a => Modules.Name(a) == name);

    [Fact]
    public void The_referrals_domain_is_found_and_checked()
    {
        var domainTypes = Types.InAssembly(Load("Boards.Referrals")).That().ResideInNamespace("Boards.Referrals.Domain").GetTypes().ToList();

        Assert.Contains(domainTypes, t => t.Name == "Referral");
        Assert.Contains(domainTypes, t => t.Name == "PersonKey");
    }

    [Fact]
    public void The_rule_detects_infrastructure_where_there_is_some()
    {
        // Control: Data/ does use EF Core, so the same rule applied there must fail.
        var result = Types.InAssembly(Load("Boards.Referrals"))
            .That().ResideInNamespace("Boards.Referrals.Data")
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Theory]
    [MemberData(nameof(MainModules))]
    public void The_domain_depends_on_neither_ef_core_nor_asp_net_nor_messaging_nor_grpc(string moduleName)
    {
        var domain = moduleName + ".Domain";

        var result = Types.InAssembly(Load(moduleName))
            .That().ResideInNamespace(domain)
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful,
            $"{string.Join(", ", result.FailingTypeNames ?? [])} in {domain} depend on infrastructure ({string.Join(", ", Infrastructure)}). " +
            "Keep the domain plain C#: map it in Data/ (EF configurations) and expose it in Features/ or Api/.");
    }
}
