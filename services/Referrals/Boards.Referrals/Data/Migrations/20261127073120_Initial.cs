using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Boards.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institutions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "municipalities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipalities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "jsonb", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TraceState = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DestinationMunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OriginInstitution = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DestinationInstitution = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NeedCategory = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    person_document_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    person_no_document = table.Column<bool>(type: "boolean", nullable: false),
                    person_given_names = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    person_family_names = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    person_birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    person_sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    person_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    person_locality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    consent_given = table.Column<bool>(type: "boolean", nullable: false),
                    consent_given_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consent_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    consent_override_justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreviousReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CounterReferBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    rejection_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rejection_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    rejection_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cancellation_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cancellation_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cancellation_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    counter_attended = table.Column<bool>(type: "boolean", nullable: true),
                    counter_attended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    counter_services_delivered = table.Column<List<string>>(type: "text[]", nullable: true),
                    counter_outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    counter_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    counter_follow_up_recommended = table.Column<bool>(type: "boolean", nullable: true),
                    counter_follow_up_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    counter_answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    counter_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    AcceptOverdueRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CounterReferralOverdueRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "referral_status_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_status_changes_referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "Id",
                filter: "\"PublishedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_referral_status_changes_ReferralId",
                table: "referral_status_changes",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_DestinationInstitution_Status",
                table: "referrals",
                columns: new[] { "DestinationInstitution", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_DestinationMunicipalityCode_Status",
                table: "referrals",
                columns: new[] { "DestinationMunicipalityCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_MunicipalityCode_Status",
                table: "referrals",
                columns: new[] { "MunicipalityCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_OriginInstitution_Status",
                table: "referrals",
                columns: new[] { "OriginInstitution", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_PersonKey",
                table: "referrals",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RequestId",
                table: "referrals",
                column: "RequestId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "institutions");

            migrationBuilder.DropTable(
                name: "municipalities");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "referral_status_changes");

            migrationBuilder.DropTable(
                name: "referrals");
        }
    }
}
