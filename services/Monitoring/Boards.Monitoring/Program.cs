using Boards.Monitoring;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMonitoringService();

var app = builder.Build();
await app.MapMonitoringServiceAsync();
await app.RunUnlessMigrateOnlyAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
