using Boards.BuildingBlocks.Data;
using Boards.Identity;
using Boards.Identity.Clients;
using Boards.Identity.DemoAccounts;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(bearerAuthentication: false);
builder.AddIdentityProvider();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync<IdentityDbContext>();
await app.Services.SeedClientsAsync();
await app.Services.SeedDemoAccountsAsync();
app.UseIdentityProvider();
app.MapDefaultEndpoints();
app.MapIdentityEndpoints();
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
