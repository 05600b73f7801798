using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class DurableImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_import_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpectedVersion = table.Column<long>(type: "bigint", nullable: false),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedByRoles = table.Column<List<string>>(type: "text[]", nullable: false),
                    StartedByMunicipality = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    Errors = table.Column<string>(type: "jsonb", nullable: true),
                    Added = table.Column<int>(type: "integer", nullable: true),
                    BoardVersion = table.Column<long>(type: "bigint", nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Interruptions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_import_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_member_import_jobs_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_import_files",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_import_files", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_member_import_files_member_import_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "member_import_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_import_jobs_FinishedAt",
                table: "member_import_jobs",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_member_import_jobs_MunicipalityCode",
                table: "member_import_jobs",
                column: "MunicipalityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_import_files");

            migrationBuilder.DropTable(
                name: "member_import_jobs");
        }
    }
}
