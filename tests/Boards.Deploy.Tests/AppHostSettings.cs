using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Deploy.Tests;

/// <summary>
/// What the AppHost declares for each project, read from the AppHost itself: its model is built (nothing starts, external
/// mode) and each project's environment callbacks run as the manifest publisher runs them.
/// </summary>
public static class AppHostSettings
{
    private static readonly Lazy<Task<IReadOnlyList<(ProjectResource Project, IReadOnlySet<string> Names)>>> s_projects = new(LoadAsync);

    public static Task<IReadOnlyList<(ProjectResource Project, IReadOnlySet<string> Names)>> ProjectsAsync() => s_projects.Value;

    private static async Task<IReadOnlyList<(ProjectResource, IReadOnlySet<string>)>> LoadAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Boards_AppHost>(["Infrastructure:Mode=external"]);
        await using var app = await builder.BuildAsync();
        var publish = new DistributedApplicationExecutionContext(
            new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Publish) { Services = app.Services });
        var projects = new List<(ProjectResource, IReadOnlySet<string>)>();
        foreach (var project in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            var environment = new Dictionary<string, object>();
            var context = new EnvironmentCallbackContext(publish, project, environment);
            foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context);
            }

            projects.Add((project, environment.Keys.ToHashSet(StringComparer.Ordinal)));
        }

        return projects;
    }
}
