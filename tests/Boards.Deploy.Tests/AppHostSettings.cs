using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Deploy.Tests;

/// <summary>
/// What the AppHost declares for each project, read from the AppHost itself: its model is built (nothing starts, external
/// mode) and each project's environment callbacks run as the manifest publisher runs them. Per Shape: "services" (the
/// default) or "monolith".
/// </summary>
public static class AppHostSettings
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<AppHostProject>>>> s_projects = new();

    public static Task<IReadOnlyList<AppHostProject>> ProjectsAsync(string shape = "services") =>
        s_projects.GetOrAdd(shape, name => new(() => LoadAsync(name))).Value;

    private static async Task<IReadOnlyList<AppHostProject>> LoadAsync(string shape)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Boards_AppHost>(["Infrastructure:Mode=external", $"Shape={shape}"]);
        await using var app = await builder.BuildAsync();
        var publish = new DistributedApplicationExecutionContext(
            new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Publish) { Services = app.Services });
        var projects = new List<AppHostProject>();
        foreach (var project in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            var environment = new Dictionary<string, object>();
            var context = new EnvironmentCallbackContext(publish, project, environment);
            foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context);
            }

            projects.Add(new AppHostProject(project, environment.Keys.ToHashSet(StringComparer.Ordinal), environment));
        }

        return projects;
    }
}

/// <summary>A project of the AppHost: the names of the environment it is given, and their values (strings or Aspire's references).</summary>
public sealed record AppHostProject(ProjectResource Project, IReadOnlySet<string> Names, IReadOnlyDictionary<string, object> Environment);
