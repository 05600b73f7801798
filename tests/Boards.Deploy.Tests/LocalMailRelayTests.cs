using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Deploy.Tests;

/// <summary>
/// Local mode starts smtp4dev unless Infrastructure:Smtp:Host names a relay outside, as the benchmark does
/// (docs/performance.md): then no mail server is started and Notifications sends to that relay.
/// </summary>
public sealed class LocalMailRelayTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("boards-mail-relay-").FullName;

    [Fact]
    public async Task Local_mode_with_an_outside_relay_starts_no_mail_server_and_sends_to_the_relay()
    {
        var (environment, resources) = await LoadAsync(["Infrastructure:Smtp:Host=127.0.0.1", "Infrastructure:Smtp:Port=2599"]);

        Assert.DoesNotContain("mail", resources);
        Assert.DoesNotContain("mail-install", resources);
        Assert.Equal("127.0.0.1", environment["Notifications__Smtp__Host"]);
        Assert.Equal("2599", environment["Notifications__Smtp__Port"]);
    }

    [Fact]
    public async Task Local_mode_without_a_relay_starts_smtp4dev_and_sends_to_it()
    {
        var (environment, resources) = await LoadAsync(["Infrastructure:SmtpPort=2598"]);

        Assert.Contains("mail", resources);
        Assert.Equal("127.0.0.1", environment["Notifications__Smtp__Host"]);
        Assert.Equal("2598", environment["Notifications__Smtp__Port"]);
    }

    /// <summary>The model's resource names, and the SMTP settings Notifications would be started with.</summary>
    private async Task<(Dictionary<string, string?> Environment, List<string> Resources)> LoadAsync(string[] settings)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Boards_AppHost>(
            ["Infrastructure:Mode=local", $"Infrastructure:DataDirectory={_data}", .. settings]);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var names = model.Resources.Select(r => r.Name).ToList();

        var notifications = model.Resources.OfType<ProjectResource>().Single(p => p.Name == "notifications");
        var run = new DistributedApplicationExecutionContext(
            new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Run) { Services = app.Services });
        var environment = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(run, notifications, environment);
        foreach (var callback in notifications.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in environment.Where(e => e.Key.StartsWith("Notifications__Smtp__", StringComparison.Ordinal)))
        {
            values[name] = value switch
            {
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(),
                _ => value.ToString(),
            };
        }

        return (values, names);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
