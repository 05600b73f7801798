using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Boards.ServiceDays.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retention_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Erased = table.Column<int>(type: "integer", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_referral_entries_ReceivedAt",
                table: "referral_entries",
                column: "ReceivedAt",
                filter: "\"Status\" IN ('pending', 'failed')");

            migrationBuilder.CreateIndex(
                name: "IX_retention_runs_At",
                table: "retention_runs",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_runs");

            migrationBuilder.DropIndex(
                name: "IX_referral_entries_ReceivedAt",
                table: "referral_entries");
        }
    }
}
