using Boards.Membership;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMembershipService();

var app = builder.Build();
await app.MapMembershipServiceAsync();
await app.RunUnlessMigrateOnlyAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
