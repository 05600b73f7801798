using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Boards.Testing;
using k8s.Models;
using Npgsql;

namespace Boards.Deploy.Tests;

/// <summary>Migrations as Jobs: each runs its service's image with Database:MigrateOnly (docs/deploy.md, "Migrations").</summary>
public sealed class MigrationJobTests
{
    private static IEnumerable<V1Deployment> WithDatabase(Manifests manifests) =>
        manifests.All<V1Deployment>().Where(d => d.Spec.Template.Spec.Containers.Any(c => DatabaseConnections(c).Any()));

    /// <summary>The names of a container's PostgreSQL connection strings (the monolith has one per module).</summary>
    private static IEnumerable<string> DatabaseConnections(V1Container container) =>
        (container.Env ?? []).Select(e => e.Name)
            .Where(name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && name != "ConnectionStrings__rabbitmq");

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_service_with_a_database_has_a_Job_that_starts_it_as_its_Deployment_does_but_only_to_migrate(string overlay)
    {
        var manifests = Manifests.Of(overlay);

        // Eight module services and the portal; or the monolith and the portal.
        Assert.Equal(overlay == Manifests.Monolith ? 2 : 9, WithDatabase(manifests).Count());
        Assert.Equal(WithDatabase(manifests).Count(), manifests.All<V1Job>().Count());
        Assert.All(WithDatabase(manifests), deployment =>
        {
            var job = Assert.Single(manifests.All<V1Job>(), j => j.Name() == deployment.Name() + "-migrate");
            var service = deployment.Spec.Template.Spec.Containers.Single();
            var migrate = job.Spec.Template.Spec.Containers.Single();
            Assert.Equal(service.Image, migrate.Image);
            Assert.Superset(manifests.EnvironmentNames(service), manifests.EnvironmentNames(migrate));
            Assert.Equal("true", migrate.Env.Single(e => e.Name == "Database__MigrateOnly").Value);
            Assert.DoesNotContain(manifests.EnvironmentNames(service), name => name == "Database__MigrateOnly");
            Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
            // The Deployment's disruption budget must not count the Job's pod.
            Assert.NotEqual(deployment.Spec.Selector.MatchLabels["app.kubernetes.io/name"], job.Spec.Template.Metadata.Labels["app.kubernetes.io/name"]);
        });
    }

    /// <summary>
    /// The Jobs' command, for real: each service's own build started with its Job's environment (Production, each Secret
    /// a random value) against databases of the tests' server that do not exist yet (one per module for the monolith's
    /// Job). It must create and migrate each, then exit 0 instead of serving.
    /// </summary>
    [Theory]
    [InlineData("pilot")]
    [InlineData(Manifests.Monolith)]
    public async Task Each_Jobs_service_migrates_a_new_database_and_exits(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var projects = await AppHostSettings.ProjectsAsync(Manifests.ShapeOf(overlay));
        var failures = new List<string>();

        foreach (var job in manifests.All<V1Job>())
        {
            var name = job.Name()[..^"-migrate".Length];
            var container = job.Spec.Template.Spec.Containers.Single();
            var databases = DatabaseConnections(container).ToDictionary(c => c, c => $"deploy_{c["ConnectionStrings__".Length..]}_{Guid.NewGuid():N}"[..40]);
            var project = projects.Single(p => p.Project.Name == name).Project.GetProjectMetadata().ProjectPath;
            var environment = JobEnvironment(manifests, container);
            foreach (var (connection, database) in databases)
            {
                environment[connection] = TestPostgres.ConnectionString(database);
            }

            try
            {
                var (exitCode, output) = await RunAsync(project, environment);
                var migrations = new List<string>();
                foreach (var database in databases.Values)
                {
                    migrations.Add($"{database}: {(exitCode == 0 ? await CountMigrationsAsync(database) : 0)}");
                }

                if (exitCode != 0 || migrations.Any(m => m.EndsWith(": 0", StringComparison.Ordinal)) || !output.Contains("exiting without serving", StringComparison.Ordinal))
                {
                    failures.Add($"{name}: exit {exitCode}, migraciones {string.Join(", ", migrations)}\n{output}");
                }
            }
            finally
            {
                foreach (var database in databases.Values)
                {
                    await TestPostgres.DropDatabaseAsync(database);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>What Kubernetes would give the container: its ConfigMaps, then its env with $(VAR) expanded; Secrets random.</summary>
    private static Dictionary<string, string> JobEnvironment(Manifests manifests, V1Container container)
    {
        var environment = (container.EnvFrom ?? []).SelectMany(source => manifests.ConfigMap(source.ConfigMapRef.Name).Data)
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        foreach (var variable in container.Env)
        {
            environment[variable.Name] = variable.ValueFrom?.SecretKeyRef is not null
                ? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))
                : environment.Aggregate(variable.Value, (value, known) => value.Replace($"$({known.Key})", known.Value, StringComparison.Ordinal));
        }

        return environment;
    }

    /// <summary>Runs the project's build (bin/{configuration}/{framework}, as this test's) and waits for it to exit.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string projectPath, Dictionary<string, string> environment)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", here.Parent!.Name, here.Name);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, Path.GetFileNameWithoutExtension(projectPath) + ".dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "did not exit within 2 minutes\n" + await output + await errors);
        }

        return (process.ExitCode, await output + await errors);
    }

    private static async Task<long> CountMigrationsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "__EFMigrationsHistory" """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
