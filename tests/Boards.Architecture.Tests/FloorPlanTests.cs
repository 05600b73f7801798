using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>
/// docs/architecture.md's floor plan, the same in every domain service: Domain/ (aggregates and their rules) depends
/// on no other folder; every persisted type lives in Domain/ or Data/; REST endpoint maps and gRPC services live in Api/;
/// persisted domain types change only through their own methods (no public setters). Each rule has a control that
/// shows it can fail.
/// </summary>
public sealed class FloorPlanTests
{
    private static readonly string[] DomainServices =
        ["Boards.Referrals", "Boards.Membership", "Boards.Needs", "Boards.ServiceDays", "Boards.Planning", "Boards.Monitoring", "Boards.Notifications", "Boards.Participation"];

    public static TheoryData<string> Services() => new(DomainServices);

    private static Assembly Load(string name) => Modules.Main.Single(a => Modules.Name(a) == name);

    private static readonly string[] Folders = ["Api", "Consumers", "Data", "Domain", "Features"];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_domain_service_has_the_same_top_level_folders(string module)
    {
        var folders = TopLevelFolders(Load(module));

        Assert.Equal(Folders, folders);
    }

    [Fact]
    public void The_folder_list_of_a_gateway_differs()
    {
        // Control: the gateway is not a domain service, and its folders are its own.
        Assert.NotEqual(Folders, TopLevelFolders(Load("Boards.Gateway")));
    }

    private static string[] TopLevelFolders(Assembly module)
    {
        var root = Modules.Name(module) + ".";
        return Modules.LoadableTypes(module)
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(root, StringComparison.Ordinal))
            .Select(ns => ns![root.Length..].Split('.')[0])
            .Where(folder => folder != "Contracts")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_domain_depends_on_no_other_folder(string module)
    {
        var result = Types.InAssembly(Load(module))
            .That().ResideInNamespace(module + ".Domain")
            .ShouldNot().HaveDependencyOnAny(module + ".Features", module + ".Data", module + ".Api", module + ".Consumers")
            .GetResult();

        Assert.True(result.IsSuccessful, $"{string.Join(", ", result.FailingTypeNames ?? [])} in {module}.Domain depend on another folder.");
    }

    [Fact]
    public void The_folder_rule_detects_a_folder_that_reads_another()
    {
        // Control: Features/ reads Data/ by design, so the same rule applied to it must fail.
        var result = Types.InAssembly(Load("Boards.Referrals"))
            .That().ResideInNamespace("Boards.Referrals.Features")
            .ShouldNot().HaveDependencyOnAny("Boards.Referrals.Data")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_persisted_type_lives_in_domain_or_data(string module)
    {
        var misplaced = PersistedTypes(Load(module))
            .Where(t => !InFolder(t, module, "Domain") && !InFolder(t, module, "Data"))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(misplaced.Count == 0, $"DbSet types outside Domain/ and Data/: {string.Join(", ", misplaced)}");
    }

    [Fact]
    public void The_persisted_type_rule_sees_the_entities()
    {
        // Control: the entities the issue named are found, and they are not in Features/.
        var referrals = PersistedTypes(Load("Boards.Referrals")).Select(t => t.Name).ToList();
        var needs = PersistedTypes(Load("Boards.Needs")).Select(t => t.Name).ToList();
        var days = PersistedTypes(Load("Boards.ServiceDays")).Select(t => t.Name).ToList();

        Assert.Contains("Referral", referrals);
        Assert.Contains("AssessmentRound", needs);
        Assert.Contains("ServiceDay", days);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Endpoint_maps_and_grpc_services_live_in_api(string module)
    {
        var misplaced = Modules.LoadableTypes(Load(module))
            .Where(t => IsEndpointMap(t) || IsGrpcService(t))
            .Where(t => !InFolder(t, module, "Api"))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(misplaced.Count == 0, $"Endpoint maps or gRPC services outside Api/: {string.Join(", ", misplaced)}");
    }

    [Fact]
    public void The_api_rule_finds_the_endpoint_maps_and_grpc_services()
    {
        // Control: in Referrals, the rule sees both kinds (all in Api/).
        var found = Modules.LoadableTypes(Load("Boards.Referrals")).Where(t => IsEndpointMap(t) || IsGrpcService(t)).Select(t => t.Name).ToList();

        Assert.Contains("ReferralEndpoints", found);
        Assert.Contains(found, name => name.EndsWith("GrpcService", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Persisted_domain_types_have_no_public_setters(string module)
    {
        var open = PersistedTypes(Load(module))
            .Where(t => InFolder(t, module, "Domain"))
            .SelectMany(t => PublicSetters(t).Select(p => $"{t.Name}.{p}"))
            .ToList();

        Assert.True(open.Count == 0,
            $"Persisted domain types with public setters (give them private setters and a method that owns the change): {string.Join(", ", open)}");
    }

    [Fact]
    public void The_setter_rule_detects_a_public_setter()
    {
        Assert.Equal(["Open"], PublicSetters(typeof(ControlEntity)));
    }

    private sealed class ControlEntity
    {
        public int Open { get; set; }
        public int Closed { get; private set; }
        public int Initialised { get; init; }
    }

    private static bool InFolder(Type type, string module, string folder) =>
        type.Namespace is { } ns && (ns == $"{module}.{folder}" || ns.StartsWith($"{module}.{folder}.", StringComparison.Ordinal));

    /// <summary>The entity types of the module's own DbSet properties (BuildingBlocks' inbox, outbox and replicas excepted).</summary>
    private static IEnumerable<Type> PersistedTypes(Assembly module) =>
        Modules.LoadableTypes(module)
            .Where(t => typeof(DbContext).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Assembly == module)
            .Distinct();

    /// <summary>Public setters that are not init-only (an init-only property is set once, when the object is made).</summary>
    private static IEnumerable<string> PublicSetters(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.SetMethod is { IsPublic: true } setter &&
                        !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => p.Name);

    private static bool IsEndpointMap(Type type) =>
        type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Any(m => m.GetParameters().Any(p => typeof(IEndpointRouteBuilder).IsAssignableFrom(p.ParameterType) &&
                                                 p.ParameterType != typeof(Microsoft.AspNetCore.Builder.WebApplication)));

    private static bool IsGrpcService(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "Grpc.Core.BindServiceMethodAttribute"))
            {
                return true;
            }
        }

        return false;
    }
}
