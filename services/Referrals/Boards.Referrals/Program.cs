using Boards.Referrals;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReferralsService();

var app = builder.Build();
await app.MapReferralsServiceAsync();
await app.RunUnlessMigrateOnlyAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
