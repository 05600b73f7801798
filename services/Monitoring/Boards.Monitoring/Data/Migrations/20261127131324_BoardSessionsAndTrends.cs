using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardSessionsAndTrends : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "board_sessions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    session_version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_sessions", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_board_sessions_municipality_code_date",
                table: "board_sessions",
                columns: new[] { "municipality_code", "date" });

            // The latest session held per municipality becomes its first session row, so rule 4 keeps its data. Version 0:
            // the session's next SessionHeld (version 1 or more) replaces it.
            migrationBuilder.Sql("""
                INSERT INTO board_sessions (session_id, municipality_code, date, session_version, updated_at)
                SELECT last_session_id, code, last_session_on, 0, updated_at FROM municipality_sessions
                ON CONFLICT (session_id) DO NOTHING;
                """);

            migrationBuilder.DropTable(
                name: "municipality_sessions");

            // Covers what the single-column index served (a prefix) and the trend months' range scans.
            migrationBuilder.CreateIndex(
                name: "ix_referral_facts_municipality_code_created_at",
                table: "referral_facts",
                columns: new[] { "municipality_code", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "need_category", "rejection_reason" });

            migrationBuilder.DropIndex(
                name: "ix_referral_facts_municipality_code",
                table: "referral_facts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referral_facts_municipality_code_created_at",
                table: "referral_facts");

            migrationBuilder.CreateTable(
                name: "municipality_sessions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_session_on = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_sessions", x => x.code);
                });

            migrationBuilder.Sql("""
                INSERT INTO municipality_sessions (code, last_session_id, last_session_on, updated_at)
                SELECT DISTINCT ON (municipality_code) municipality_code, session_id, date, updated_at
                FROM board_sessions
                ORDER BY municipality_code, date DESC, updated_at DESC;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_referral_facts_municipality_code",
                table: "referral_facts",
                column: "municipality_code");

            migrationBuilder.DropTable(
                name: "board_sessions");
        }
    }
}
