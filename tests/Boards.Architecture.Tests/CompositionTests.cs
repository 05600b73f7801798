using System.Reflection;
using Boards.BuildingBlocks.Modules;
using Boards.Monolith;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace Boards.Architecture.Tests;

/// <summary>
/// Issue 23: hosting the modules together adds no coupling. The monolith only calls each module's registration; in
/// its one container, what each module registers names only that module's own types, contracts and shared code, and
/// no type of a module asks the container for another module's internals. Each rule has a control that makes it fail.
/// </summary>
public sealed class CompositionTests
{
    private static readonly Assembly Monolith = typeof(BoardsModules).Assembly;

    [Fact]
    public void The_monolith_hosts_every_domain_module()
    {
        var hosted = BoardsModules.All.Select(m => "Boards." + m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(8, hosted.Count);
        Assert.All(Modules.Main.Select(Modules.Name).Where(n => n is not ("Boards.Gateway" or "Boards.Portal" or "Boards.Identity")),
            module => Assert.Contains(module, hosted));
    }

    [Fact]
    public void The_monolith_calls_each_modules_registration_and_touches_nothing_inside_a_module()
    {
        var inside = Modules.Main.SelectMany(Modules.InternalsOf).Where(name => !IsRegistration(name)).ToArray();

        var result = Types.InAssembly(Monolith).ShouldNot().HaveDependencyOnAny(inside).GetResult();

        Assert.True(result.IsSuccessful, $"The monolith reaches into a module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_host_rule_detects_a_host_that_reaches_into_a_module()
    {
        // Control: the same rule, had the host been allowed nothing of a module, fails on the registration calls.
        var everything = Modules.Main.SelectMany(Modules.InternalsOf).ToArray();

        var result = Types.InAssembly(Monolith).ShouldNot().HaveDependencyOnAny(everything).GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void In_the_monolith_each_module_registers_only_its_own_types_the_contracts_and_shared_code()
    {
        var violations = ComposedRegistrations().SelectMany(r => Violations(r.Module, r.Descriptor)).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_registration_rule_detects_a_module_registering_another_modules_type()
    {
        // Control: referrals registering a needs handler (something only a reference to Boards.Needs could do).
        var needsType = Modules.LoadableTypes(Modules.Main.Single(a => Modules.Name(a) == "Boards.Needs"))
            .First(t => t.Namespace?.StartsWith("Boards.Needs.Features", StringComparison.Ordinal) == true && t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });

        Assert.NotEmpty(Violations("referrals", ServiceDescriptor.Scoped(needsType, needsType)));
    }

    [Fact]
    public void No_type_a_module_registers_asks_for_another_modules_internals()
    {
        var violations = ComposedRegistrations()
            .Select(r => (r.Module, Type: r.Descriptor.IsKeyedService ? r.Descriptor.KeyedImplementationType : r.Descriptor.ImplementationType))
            .Where(r => r.Type is not null)
            .SelectMany(r => r.Type!.GetConstructors().SelectMany(c => c.GetParameters())
                .SelectMany(p => Mentioned(p.ParameterType))
                .Where(t => ForeignInternal(r.Module, t))
                .Select(t => $"{r.Type!.FullName} ({r.Module}) asks for {t.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_module_registration_is_seen_by_the_rules()
    {
        var perModule = ComposedRegistrations().GroupBy(r => r.Module).ToDictionary(g => g.Key, g => g.Count());

        // Each module adds its own handlers at least: an empty diff would make the rules above pass vacuously.
        Assert.Equal(BoardsModules.All.Select(m => m.Name).Order(), perModule.Keys.Order());
        Assert.All(perModule, pair => Assert.True(pair.Value > 10, $"{pair.Key}: {pair.Value} registrations"));
    }

    private static bool IsRegistration(string internalName) =>
        internalName.EndsWith("ServiceExtensions", StringComparison.Ordinal);

    /// <summary>What each module adds to the monolith's container, module by module, as the host composes them.</summary>
    private static List<(string Module, ServiceDescriptor Descriptor)> ComposedRegistrations()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        foreach (var module in BoardsModules.All)
        {
            builder.Configuration[$"ConnectionStrings:{module.Name}db"] = $"Host=127.0.0.1;Database={module.Name}_unused";
        }

        builder.ComposeModules();
        var registrations = new List<(string, ServiceDescriptor)>();
        foreach (var module in BoardsModules.All)
        {
            var before = builder.Services.ToHashSet();
            module.Add(builder);
            registrations.AddRange(builder.Services.Where(d => !before.Contains(d)).Select(d => (module.Name, d)));
        }

        return registrations;
    }

    private static IEnumerable<string> Violations(string module, ServiceDescriptor descriptor)
    {
        var types = new[]
        {
            descriptor.ServiceType,
            descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType,
            (descriptor.IsKeyedService ? descriptor.KeyedImplementationInstance : descriptor.ImplementationInstance)?.GetType(),
        };
        return types.OfType<Type>().SelectMany(Mentioned).Where(t => ForeignInternal(module, t))
            .Select(t => $"{module} registers {t.FullName} ({descriptor.ServiceType.FullName})");
    }

    /// <summary>A type and the type arguments inside it (OutboxRelay&lt;ReferralsDbContext&gt; mentions ReferralsDbContext).</summary>
    private static IEnumerable<Type> Mentioned(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Mentioned(element))
            {
                yield return inner;
            }
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Mentioned(argument))
            {
                yield return inner;
            }
        }
    }

    /// <summary>A type of another module's main assembly: neither <paramref name="module"/>'s, nor a contract, nor shared.</summary>
    private static bool ForeignInternal(string module, Type type)
    {
        var assembly = type.Assembly.GetName().Name!;
        if (!assembly.StartsWith("Boards.", StringComparison.Ordinal) || Modules.IsContracts(assembly) || Modules.Shared.Contains(assembly))
        {
            return false;
        }

        return !string.Equals(assembly, "Boards." + module, StringComparison.OrdinalIgnoreCase);
    }
}
