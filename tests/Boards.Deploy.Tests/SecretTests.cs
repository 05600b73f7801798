using k8s.Models;

namespace Boards.Deploy.Tests;

/// <summary>The manifests name Secrets and never hold a secret value (docs/deploy.md, "Secrets").</summary>
public sealed class SecretTests
{
    private static IEnumerable<V1PodSpec> Pods(Manifests manifests) =>
        manifests.All<V1Deployment>().Select(d => d.Spec.Template.Spec).Concat(manifests.All<V1Job>().Select(j => j.Spec.Template.Spec));

    private static IEnumerable<V1EnvVar> Environment(Manifests manifests) =>
        Pods(manifests).SelectMany(p => p.Containers).SelectMany(c => c.Env ?? []);

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void No_Secret_object_carries_a_value(string overlay)
    {
        Assert.All(Manifests.Of(overlay).All<V1Secret>(), secret => Assert.True(secret.Data is null && secret.StringData is null, secret.Name()));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_secret_setting_comes_from_a_Secret(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var secretLike = Environment(manifests).Where(e => e.Name.Contains("Secret", StringComparison.Ordinal) || e.Name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(secretLike);
        Assert.All(secretLike, e => Assert.NotNull(e.ValueFrom?.SecretKeyRef));
        Assert.All(manifests.All<V1ConfigMap>().SelectMany(c => c.Data ?? new Dictionary<string, string>()), pair =>
            Assert.DoesNotContain("secret", pair.Key, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_Secret_the_manifests_name_is_documented(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var named = Environment(manifests).Select(e => e.ValueFrom?.SecretKeyRef?.Name)
            .Concat(manifests.All<V1Ingress>().SelectMany(i => i.Spec.Tls).Select(t => t.SecretName))
            .Concat(manifests.All<CustomObject>().Where(o => o.Kind == "Cluster").SelectMany(Secrets))
            .OfType<string>().ToHashSet();
        var guide = File.ReadAllText(Path.Combine(Manifests.Repository, "docs", "deploy.md"));

        Assert.True(named.Count >= 10, string.Join(", ", named));
        Assert.All(named, name => Assert.Contains($"`{name}`", guide));
    }

    /// <summary>The Secrets a CloudNativePG cluster reads: its roles' passwords and the object store's keys.</summary>
    private static IEnumerable<string> Secrets(CustomObject cluster) =>
        ((List<object>)cluster.At("managed.roles")!).Cast<Dictionary<object, object?>>()
            .Select(role => (string)((Dictionary<object, object?>)role["passwordSecret"]!)["name"]!)
            .Append((string)cluster.At("backup.barmanObjectStore.s3Credentials.accessKeyId.name")!);

    [Fact]
    public void Yamllint_finds_nothing_in_the_manifests()
    {
        var folder = Path.Combine(Manifests.Repository, "deploy", "k8s");

        // Strict: warnings fail too. Run returns only when yamllint exits with 0.
        var report = Manifests.Run("yamllint", "--strict", "-c", Path.Combine(folder, ".yamllint.yaml"), folder,
            Path.Combine(Manifests.Repository, "deploy", "keycloak", "kustomization.yaml"));

        Assert.Equal("", report.Trim());
    }
}
