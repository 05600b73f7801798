using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class Pulse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pulse_answers",
                columns: table => new
                {
                    answer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    age_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    with_code = table.Column<bool>(type: "boolean", nullable: false),
                    got_what_came_for = table.Column<int>(type: "integer", nullable: true),
                    treated_well = table.Column<int>(type: "integer", nullable: true),
                    trust_board = table.Column<int>(type: "integer", nullable: true),
                    could_speak = table.Column<int>(type: "integer", nullable: true),
                    agreements_clear = table.Column<int>(type: "integer", nullable: true),
                    trust_institutions = table.Column<int>(type: "integer", nullable: true),
                    endowment_share = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pulse_answers", x => x.answer_id);
                });

            migrationBuilder.CreateTable(
                name: "pulse_slip_batches",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    age_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pulse_slip_batches", x => x.batch_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pulse_answers_municipality_quarter",
                table: "pulse_answers",
                columns: new[] { "municipality_code", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_pulse_slip_batches_municipality_quarter",
                table: "pulse_slip_batches",
                columns: new[] { "municipality_code", "quarter" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pulse_answers");

            migrationBuilder.DropTable(
                name: "pulse_slip_batches");
        }
    }
}
