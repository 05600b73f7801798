using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Boards.BuildingBlocks.Tests.Data;

/// <summary>A context with one real migration, to see MigrationRunner create a database and apply it.</summary>
public sealed class MigrationsTestDbContext(DbContextOptions<MigrationsTestDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Widget>(widget =>
        {
            widget.ToTable("widgets");
            widget.HasKey(w => w.Id);
        });
}

public sealed class Widget
{
    public int Id { get; init; }
    public required string Name { get; init; }
}

[DbContext(typeof(MigrationsTestDbContext))]
[Migration(Id)]
public sealed class CreateWidgets : Migration
{
    public const string Id = "20260101000000_CreateWidgets";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "widgets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_widgets", w => w.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("widgets");
}
