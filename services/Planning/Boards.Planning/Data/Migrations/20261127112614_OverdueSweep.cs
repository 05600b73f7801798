using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Planning.Data.Migrations
{
    /// <inheritdoc />
    public partial class OverdueSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OverdueAnnouncedAt",
                table: "plan_actions",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverdueAnnouncedAt",
                table: "plan_actions");
        }
    }
}
