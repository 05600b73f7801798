using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class GapAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "municipality_gap_analysis",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    analysis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "text", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: true),
                    period = table.Column<string>(type: "text", nullable: true),
                    evidence_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    categories = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_gap_analysis", x => x.code);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "municipality_gap_analysis");
        }
    }
}
