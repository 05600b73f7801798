using Boards.Notifications;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationsService();

var app = builder.Build();
await app.MapNotificationsServiceAsync();
await app.RunUnlessMigrateOnlyAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
