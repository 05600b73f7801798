using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Needs.Data.Migrations
{
    /// <inheritdoc />
    public partial class NeedAndBallotIdsFromTheRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
