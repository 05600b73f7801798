namespace Boards.EndToEnd.Tests;

/// <summary>
/// A class of browser tests: waits until the portal resource is healthy, then launches one Chromium for the class
/// (each test opens its own context with <see cref="PortalBrowser.NewPageAsync"/>, so no cookie is shared).
/// </summary>
public abstract class PortalTest(BoardsAppFixture boards) : IAsyncLifetime
{
    protected BoardsAppFixture Boards { get; } = boards;

    protected PortalBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Boards.App.ResourceNotifications.WaitForResourceHealthyAsync("portal", patience.Token);
        Browser = await PortalBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
    }
}
