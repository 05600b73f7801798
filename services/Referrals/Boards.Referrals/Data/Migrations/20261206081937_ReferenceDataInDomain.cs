using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceDataInDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing in the database changes: Municipality and Institution moved from Features/ReferenceData to Domain,
            // and the model snapshot names entity types by their CLR names.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
