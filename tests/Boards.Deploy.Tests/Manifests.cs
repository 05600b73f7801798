using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using k8s;
using k8s.Models;

namespace Boards.Deploy.Tests;

/// <summary>An overlay of deploy/k8s rendered by <c>kubectl kustomize</c>, every object parsed strictly by KubernetesClient.</summary>
public sealed class Manifests
{
    public static TheoryData<string> Overlays => new() { "pilot", "national", Monolith };

    /// <summary>The overlay that runs every module in one Deployment (docs/deploy.md, "Two shapes"); the others run one per module.</summary>
    public const string Monolith = "monolith";

    /// <summary>The AppHost's Shape that an overlay runs: "monolith" or "services".</summary>
    public static string ShapeOf(string overlay) => overlay == Monolith ? "monolith" : "services";

    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> s_rendered = new();

    private Manifests(IReadOnlyList<object> objects) => Objects = objects;

    public IReadOnlyList<object> Objects { get; }

    public static Manifests Of(string overlay) =>
        s_rendered.GetOrAdd(overlay, name => new Lazy<Manifests>(() => Render(name))).Value;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(string name) => All<V1Deployment>().Single(d => d.Name() == name);

    public V1ConfigMap ConfigMap(string name) => All<V1ConfigMap>().Single(c => c.Name() == name);

    /// <summary>The names a container's environment gets: its env entries and the keys of its envFrom ConfigMaps.</summary>
    public HashSet<string> EnvironmentNames(V1Container container)
    {
        var names = (container.Env ?? []).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            names.UnionWith(ConfigMap(source.ConfigMapRef.Name).Data.Keys);
        }

        return names;
    }

    /// <summary>The value a container gets for <paramref name="name"/>: its env entry, else the last of its envFrom ConfigMaps that has it.</summary>
    public string? Setting(V1Container container, string name) =>
        (container.Env ?? []).LastOrDefault(e => e.Name == name)?.Value
        ?? (container.EnvFrom ?? []).Select(source => ConfigMap(source.ConfigMapRef.Name).Data).LastOrDefault(data => data.ContainsKey(name))?[name];

    public static string Repository { get; } = FindRepository();

    private static Manifests Render(string overlay)
    {
        var yaml = Run("kubectl", "kustomize", Path.Combine(Repository, "deploy", "k8s", "overlays", overlay));
        return new Manifests(KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true));
    }

    /// <summary>Runs a tool of test.sh's (eng/lib.sh installs it) and returns what it printed; fails on a non-zero exit.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.Result}{output.Result}");
    }

    /// <summary>KubernetesClient's own kinds, plus the operators' kinds the manifests use (parsed as a spec of any shape).</summary>
    private static readonly Dictionary<string, Type> TypeMap = BuildTypeMap();

    private static Dictionary<string, Type> BuildTypeMap()
    {
        var map = typeof(V1Pod).Assembly.GetTypes()
            .Select(type => (type, entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(t => t.entity is { Kind.Length: > 0 })
            .GroupBy(t => Key(t.entity!.Group, t.entity.ApiVersion, t.entity.Kind))
            .ToDictionary(g => g.Key, g => g.First().type);
        foreach (var kind in CustomObject.Kinds)
        {
            map[kind] = typeof(CustomObject);
        }

        return map;
    }

    private static string Key(string group, string version, string kind) =>
        string.IsNullOrEmpty(group) ? $"{version}/{kind}" : $"{group}/{version}/{kind}";

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Boards.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Boards.sln not found above " + AppContext.BaseDirectory);
    }
}
