using Boards.Gateway;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapGateway();
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the gateway.</summary>
public partial class Program;
