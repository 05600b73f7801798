using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepresentativityBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows held before this migration came from roster assessments (attendance ones were not published).
            migrationBuilder.DropPrimaryKey(
                name: "PK_municipality_representativity",
                table: "municipality_representativity");

            migrationBuilder.AddColumn<string>(
                name: "basis",
                table: "municipality_representativity",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "roster");

            migrationBuilder.AddPrimaryKey(
                name: "PK_municipality_representativity",
                table: "municipality_representativity",
                columns: new[] { "code", "basis" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Only the roster rows fit the old one-row-per-municipality key.
            migrationBuilder.Sql("DELETE FROM municipality_representativity WHERE basis <> 'roster'");

            migrationBuilder.DropPrimaryKey(
                name: "PK_municipality_representativity",
                table: "municipality_representativity");

            migrationBuilder.DropColumn(
                name: "basis",
                table: "municipality_representativity");

            migrationBuilder.AddPrimaryKey(
                name: "PK_municipality_representativity",
                table: "municipality_representativity",
                column: "code");
        }
    }
}
