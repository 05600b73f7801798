using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Needs.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentRoundsAndGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FrozenRule = table.Column<string>(type: "text", nullable: true),
                    FrozenBallotCount = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_rounds_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referral_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DestinationMunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NeedCategory = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_evidence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "need_ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Ranking = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CastBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_need_ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_need_ballots_assessment_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "assessment_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Locality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PopulationGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeopleAffected = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    EvidenceSource = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EvidenceNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrectedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FrozenRank = table.Column<int>(type: "integer", nullable: true),
                    FrozenPoints = table.Column<int>(type: "integer", nullable: true),
                    FrozenDecidedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs", x => x.Id);
                    table.CheckConstraint("ck_needs_severity", "\"Severity\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_needs_assessment_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "assessment_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_rounds_MunicipalityCode_Period",
                table: "assessment_rounds",
                columns: new[] { "MunicipalityCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_rounds_one_open",
                table: "assessment_rounds",
                column: "MunicipalityCode",
                unique: true,
                filter: "\"Status\" = 'open'");

            migrationBuilder.CreateIndex(
                name: "IX_need_ballots_RoundId_MemberId",
                table: "need_ballots",
                columns: new[] { "RoundId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_RoundId_Number",
                table: "needs",
                columns: new[] { "RoundId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_evidence_MunicipalityCode_OccurredAt",
                table: "referral_evidence",
                columns: new[] { "MunicipalityCode", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referral_evidence_ReferralId_Kind",
                table: "referral_evidence",
                columns: new[] { "ReferralId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "need_ballots");

            migrationBuilder.DropTable(
                name: "needs");

            migrationBuilder.DropTable(
                name: "referral_evidence");

            migrationBuilder.DropTable(
                name: "assessment_rounds");
        }
    }
}
