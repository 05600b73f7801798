using Boards.Participation;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddParticipationService();

var app = builder.Build();
await app.MapParticipationServiceAsync();
await app.RunUnlessMigrateOnlyAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
