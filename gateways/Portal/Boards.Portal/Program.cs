using Boards.BuildingBlocks.Data;
using Boards.Portal;
using Boards.Portal.Data;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
// The portal signs people in with OpenID Connect (cookies), not bearer tokens: no JWT authentication from the defaults.
builder.AddServiceDefaults(bearerAuthentication: false);
builder.AddPortal();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync<PortalDbContext>();
app.MapPortal();
await app.RunUnlessMigrateOnlyAsync();

/// <summary>Entry point; public so that tests can host the portal.</summary>
public partial class Program;
