using System.Reflection;
using System.Text.Json;

namespace Boards.Architecture.Tests;

/// <summary>
/// The Boards assemblies under test: the projects this test project references. Putting a new service or gateway
/// under every rule is one ProjectReference line in Boards.Architecture.Tests.csproj.
/// </summary>
public static class Modules
{
    /// <summary>Shared by every service; a service may reference these and other services' Contracts, nothing else of ours.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal)
    {
        "Boards.BuildingBlocks",
        "Boards.ServiceDefaults",
    };

    /// <summary>
    /// Not modules: the AppHost only orchestrates, and the monolith only hosts the modules (CompositionTests holds it to
    /// calling their registration); test assemblies are not shipped.
    /// </summary>
    private static readonly string[] NotModules = ["Boards.AppHost", "Boards.Monolith"];

    private static readonly Lazy<IReadOnlyList<Assembly>> All = new(Discover);

    /// <summary>Service and gateway main assemblies, e.g. Boards.Referrals, Boards.Gateway.</summary>
    public static IReadOnlyList<Assembly> Main =>
        All.Value.Where(a => !IsContracts(a) && !Shared.Contains(Name(a))).ToList();

    /// <summary>The *.Contracts assemblies: events and protos other services may use.</summary>
    public static IReadOnlyList<Assembly> Contracts => All.Value.Where(IsContracts).ToList();

    public static string Name(Assembly assembly) => assembly.GetName().Name!;

    public static bool IsContracts(Assembly assembly) => IsContracts(Name(assembly));

    public static bool IsContracts(string assemblyName) => assemblyName.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>Boards.Referrals.Contracts → Boards.Referrals: the module a contracts assembly belongs to.</summary>
    public static string ModuleOf(string assemblyName) =>
        IsContracts(assemblyName) ? assemblyName[..^".Contracts".Length] : assemblyName;

    /// <summary>
    /// What another module must not touch in <paramref name="module"/>: each of its namespaces under its root
    /// (Domain, Features, Data, Api, Consumers, …) and each type in the root namespace itself, but not its Contracts.
    /// </summary>
    public static string[] InternalsOf(Assembly module)
    {
        var root = Name(module);
        return LoadableTypes(module)
            .Where(t => t.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
            .Where(t => !t.Namespace!.StartsWith(root + ".Contracts", StringComparison.Ordinal))
            .Select(t => t.Namespace == root ? t.FullName! : t.Namespace!)
            .Where(name => !name.Contains('<', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    /// <summary>
    /// The projects this test project references, directly or not, as its deps.json lists them: exactly the current
    /// ProjectReferences, never a stale DLL left in the output folder by a reference since removed.
    /// </summary>
    private static List<Assembly> Discover()
    {
        var self = typeof(Modules).Assembly.GetName().Name!;
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, self + ".deps.json")));
        return deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "project")
            .Select(library => library.Name.Split('/')[0])
            .Where(name => name.StartsWith("Boards.", StringComparison.Ordinal))
            .Where(name => name != self && !name.EndsWith(".Tests", StringComparison.Ordinal) && !NotModules.Contains(name))
            .Order(StringComparer.Ordinal)
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .ToList();
    }
}
