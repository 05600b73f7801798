using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class Representativity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ContextUpdatedAt",
                table: "municipalities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContextUpdatedBy",
                table: "municipalities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasIndigenousCommunities",
                table: "municipalities",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RuralLocalities",
                table: "municipalities",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "representativity_policies",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PolicyJson = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_representativity_policies", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "representativity_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BoardVersion = table.Column<long>(type: "bigint", nullable: false),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    RuralLocalities = table.Column<int>(type: "integer", nullable: false),
                    HasIndigenousCommunities = table.Column<bool>(type: "boolean", nullable: false),
                    AssessmentJson = table.Column<string>(type: "jsonb", nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_representativity_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_representativity_assessments_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_representativity_assessments_representativity_policies_Poli~",
                        column: x => x.PolicyVersion,
                        principalTable: "representativity_policies",
                        principalColumn: "Version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_representativity_assessments_BoardId_AssessedAt",
                table: "representativity_assessments",
                columns: new[] { "BoardId", "AssessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_representativity_assessments_PolicyVersion",
                table: "representativity_assessments",
                column: "PolicyVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "representativity_assessments");

            migrationBuilder.DropTable(
                name: "representativity_policies");

            migrationBuilder.DropColumn(
                name: "ContextUpdatedAt",
                table: "municipalities");

            migrationBuilder.DropColumn(
                name: "ContextUpdatedBy",
                table: "municipalities");

            migrationBuilder.DropColumn(
                name: "HasIndigenousCommunities",
                table: "municipalities");

            migrationBuilder.DropColumn(
                name: "RuralLocalities",
                table: "municipalities");
        }
    }
}
