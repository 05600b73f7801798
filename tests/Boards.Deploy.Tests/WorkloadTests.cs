using k8s.Models;

namespace Boards.Deploy.Tests;

/// <summary>What each workload needs to run several replicas safely (docs/deploy.md, "What the manifests hold").</summary>
public sealed class WorkloadTests
{
    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The Boards services and gateways: their state is in PostgreSQL and RabbitMQ, so any replica serves.</summary>
    private static IEnumerable<V1Deployment> Stateless(Manifests manifests) =>
        manifests.All<V1Deployment>().Where(d => d.Labels()["app.kubernetes.io/component"] is "service" or "gateway");

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_object_parses_strictly_and_is_in_the_boards_namespace(string overlay)
    {
        var objects = Manifests.Of(overlay).Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>().ToList();

        Assert.True(objects.Count > 50, $"{objects.Count} objetos");
        Assert.All(objects.Where(o => o is not V1Namespace), o => Assert.Equal("boards", o.Metadata.NamespaceProperty));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_Deployment_has_probes_resources_and_a_disruption_budget(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var budgets = manifests.All<V1PodDisruptionBudget>().ToList();

        Assert.NotEmpty(manifests.All<V1Deployment>());
        Assert.All(manifests.All<V1Deployment>(), deployment =>
        {
            var pod = deployment.Spec.Template;
            Assert.All(pod.Spec.Containers, container =>
            {
                Assert.NotNull(container.ReadinessProbe?.HttpGet);
                Assert.NotNull(container.LivenessProbe?.HttpGet);
                Assert.NotEqual(container.ReadinessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Path);
                Assert.Equal(["cpu", "memory"], container.Resources.Requests.Keys.Order());
                Assert.Equal(["cpu", "memory"], container.Resources.Limits.Keys.Order());
            });
            Assert.Single(budgets, b => Selects(b.Spec.Selector.MatchLabels, pod.Metadata.Labels));
        });
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Boards_services_are_ready_when_their_database_answers_and_alive_while_their_process_does(string overlay)
    {
        Assert.All(Stateless(Manifests.Of(overlay)), deployment =>
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            // Kestrel answers only after the migration at start, which may wait for the migration Job's lock.
            Assert.Equal("/alive", container.StartupProbe?.HttpGet.Path);
        });
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_stateless_Deployment_has_an_autoscaler_and_leaves_the_replicas_to_it(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var autoscalers = manifests.All<V2HorizontalPodAutoscaler>().ToList();

        Assert.Equal(overlay == Manifests.Monolith ? 3 : 10, Stateless(manifests).Count());
        Assert.All(Stateless(manifests), deployment =>
        {
            var autoscaler = Assert.Single(autoscalers, a => a.Spec.ScaleTargetRef.Kind == "Deployment" && a.Spec.ScaleTargetRef.Name == deployment.Name());
            Assert.True(autoscaler.Spec.MinReplicas >= 2, $"{deployment.Name()}: una réplica sola no sobrevive a un reinicio");
            Assert.True(autoscaler.Spec.MaxReplicas > autoscaler.Spec.MinReplicas);
            Assert.Null(deployment.Spec.Replicas);
        });
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_gRPC_port_has_a_headless_Service(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var grpc = manifests.All<V1Deployment>().Where(d => d.Spec.Template.Spec.Containers.Any(c => c.Ports.Any(p => p.Name == "grpc"))).ToList();

        // Six modules and the gateway serve gRPC; in the monolith overlay the monolith does for all six (one headless Service
        // per module's name, each selecting the monolith's pods).
        Assert.Equal(overlay == Manifests.Monolith ? 2 : 7, grpc.Count);
        Assert.All(grpc, deployment => Assert.Contains(manifests.All<V1Service>(), service =>
            service.Spec.ClusterIP == "None"
            && Selects(service.Spec.Selector, deployment.Spec.Template.Metadata.Labels)
            && service.Spec.Ports.Any(p => p.TargetPort.Value == "grpc")));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_Service_reaches_a_named_port_of_the_pods_it_selects(string overlay)
    {
        var manifests = Manifests.Of(overlay);

        Assert.All(manifests.All<V1Service>(), service =>
        {
            var pods = manifests.All<V1Deployment>().Where(d => Selects(service.Spec.Selector, d.Spec.Template.Metadata.Labels)).ToList();
            var deployment = Assert.Single(pods);
            var ports = deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports).Select(p => p.Name).ToList();
            Assert.All(service.Spec.Ports, port => Assert.Contains(port.TargetPort.Value, ports));
        });
    }

    /// <summary>
    /// The gateway finds each module by its name (services__referrals__grpc__0: http://referrals-grpc:8081), whichever
    /// Deployment serves it: each such address is a Service of that name whose port reaches a named port of one Deployment.
    /// </summary>
    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_address_the_gateway_discovers_is_a_Service_that_reaches_a_Deployment(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var gateway = manifests.Deployment("gateway").Spec.Template.Spec.Containers.Single();
        var addresses = manifests.EnvironmentNames(gateway).Where(name => name.StartsWith("services__", StringComparison.Ordinal))
            .Select(name => new Uri(manifests.Setting(gateway, name)!)).ToList();

        Assert.Equal(14, addresses.Count);
        Assert.All(addresses, address =>
        {
            var service = Assert.Single(manifests.All<V1Service>(), s => s.Name() == address.Host);
            var port = Assert.Single(service.Spec.Ports, p => p.Port == address.Port);
            var deployment = Assert.Single(manifests.All<V1Deployment>(), d => Selects(service.Spec.Selector, d.Spec.Template.Metadata.Labels));
            Assert.Contains(deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports), p => p.Name == port.TargetPort.Value);
            Assert.Equal(overlay == Manifests.Monolith ? "monolith" : address.Host.Replace("-grpc", "", StringComparison.Ordinal), deployment.Name());
        });
    }

    /// <summary>The gateway and the portal are the same objects in front of either shape (docs/deploy.md, "Two shapes").</summary>
    [Fact]
    public void The_monolith_overlay_runs_the_pilots_gateway_and_portal_unchanged()
    {
        var pilot = Manifests.Of("pilot");
        var monolith = Manifests.Of(Manifests.Monolith);

        Assert.All(new[] { "gateway", "portal" }, name =>
        {
            Assert.Equal(k8s.KubernetesJson.Serialize(pilot.Deployment(name)), k8s.KubernetesJson.Serialize(monolith.Deployment(name)));
            Assert.Equal(k8s.KubernetesJson.Serialize(pilot.ConfigMap($"{name}-settings")), k8s.KubernetesJson.Serialize(monolith.ConfigMap($"{name}-settings")));
        });
        Assert.Equal(k8s.KubernetesJson.Serialize(pilot.ConfigMap("boards-settings")), k8s.KubernetesJson.Serialize(monolith.ConfigMap("boards-settings")));
        Assert.Equal(pilot.All<V1Ingress>().Select(i => k8s.KubernetesJson.Serialize(i)), monolith.All<V1Ingress>().Select(i => k8s.KubernetesJson.Serialize(i)));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_Ingress_backend_is_a_Service_port(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var backends = manifests.All<V1Ingress>().SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths).Select(p => p.Backend.Service).ToList();

        Assert.Equal(9, backends.Count);
        Assert.All(backends, backend => Assert.Contains(manifests.All<V1Service>(), service =>
            service.Name() == backend.Name && service.Spec.Ports.Any(p => p.Name == backend.Port.Name)));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void The_open_data_and_the_integrators_reference_are_on_the_API_host_beside_the_API_and_the_portal_links_there(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var rest = manifests.All<V1Ingress>().Single(i => i.Name() == "gateway-rest").Spec.Rules.Single();

        Assert.Equal(["/api", "/open", "/reference", "/openapi", "/protos"], rest.Http.Paths.Select(p => p.Path));
        Assert.All(rest.Http.Paths, p => Assert.Equal("gateway", p.Backend.Service.Name));
        var portal = manifests.Deployment("portal").Spec.Template.Spec.Containers.Single();
        Assert.Equal($"https://{rest.Host}", manifests.Setting(portal, "Portal__OpenDataUrl"));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void The_ingress_speaks_gRPC_to_the_gateway_and_does_not_buffer_the_portals_live_stream(string overlay)
    {
        var ingresses = Manifests.Of(overlay).All<V1Ingress>().ToDictionary(i => i.Name());

        var grpc = ingresses["gateway-grpc"];
        Assert.Equal("GRPC", grpc.Annotations()["nginx.ingress.kubernetes.io/backend-protocol"]);
        Assert.Equal("gateway-grpc", grpc.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name);
        var live = ingresses["portal-live"];
        Assert.Equal("off", live.Annotations()["nginx.ingress.kubernetes.io/proxy-buffering"]);
        Assert.Equal("/vivo", live.Spec.Rules.Single().Http.Paths.Single().Path);
        Assert.Equal(ingresses["portal"].Spec.Rules.Single().Host, live.Spec.Rules.Single().Host);
        Assert.All([grpc, live], ingress => Assert.True(int.Parse(ingress.Annotations()["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 1800));
        Assert.All(ingresses.Values, ingress => Assert.Equal("boards-tls", ingress.Spec.Tls.Single().SecretName));
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void The_public_addresses_in_the_settings_are_the_ingress_hosts(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var settings = manifests.ConfigMap("boards-settings").Data;
        var hosts = manifests.All<V1Ingress>().ToDictionary(i => i.Name(), i => i.Spec.Rules.Single().Host);

        Assert.Equal(settings["Identity__Authority"], settings["Identity__Issuer"]);
        Assert.Equal(new Uri($"https://{hosts["keycloak"]}/realms/boards"), new Uri(settings["Identity__Authority"]));
        Assert.Equal(new Uri($"https://{hosts["keycloak"]}"), new Uri(settings["KC_HOSTNAME"]));
        Assert.Equal(new Uri($"https://{hosts["portal"]}"), new Uri(settings["Notifications__Email__PortalUrl"]));
        Assert.All(manifests.All<V1Ingress>(), i => Assert.Equal(i.Spec.Rules.Single().Host, i.Spec.Tls.Single().Hosts.Single()));
        // The monolith overlay is the pilot in the other shape, on the pilot's hosts.
        Assert.Equal(overlay is "pilot" or Manifests.Monolith, hosts.Values.All(h => h.Contains(".piloto.", StringComparison.Ordinal)));
    }
}
