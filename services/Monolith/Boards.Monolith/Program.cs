using Boards.Monolith;
using Boards.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBoardsModules();

var app = builder.Build();
await app.MapBoardsModulesAsync();
await app.RunUnlessMigrateOnlyAsync();
