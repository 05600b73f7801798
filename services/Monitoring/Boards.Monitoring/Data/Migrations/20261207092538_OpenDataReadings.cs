using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenDataReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_readings",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    value = table.Column<decimal>(type: "numeric", nullable: true),
                    gaps = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_readings", x => new { x.code, x.kind, x.source_id, x.taken_at });
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_readings_code_kind_taken_at",
                table: "indicator_readings",
                columns: new[] { "code", "kind", "taken_at" });

            // The history starts with the readings held now, so the months since they were taken are not empty.
            migrationBuilder.Sql("""
                INSERT INTO indicator_readings (code, kind, source_id, taken_at, year, value, gaps)
                SELECT code, CASE basis WHEN 'attendance' THEN 'representativity_attendance' ELSE 'representativity_roster' END,
                       assessment_id, assessed_at, NULL, score, '[]'::jsonb
                FROM municipality_representativity
                ON CONFLICT DO NOTHING;
                INSERT INTO indicator_readings (code, kind, source_id, taken_at, year, value, gaps)
                SELECT code, 'plan_progress', plan_id, figures_at, year, progress, '[]'::jsonb
                FROM municipality_plans
                ON CONFLICT DO NOTHING;
                INSERT INTO indicator_readings (code, kind, source_id, taken_at, year, value, gaps)
                SELECT code, 'gap_analysis', analysis_id, computed_at, NULL, NULL, categories
                FROM municipality_gap_analysis
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_readings");
        }
    }
}
