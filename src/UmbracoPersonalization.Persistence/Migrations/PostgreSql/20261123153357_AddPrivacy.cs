using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UmbracoPersonalization.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upPersonalizationAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationAssignment_AssignedAt",
                table: "upPersonalizationAssignment",
                column: "AssignedAt");

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationAudit_EntityType_EntityKey",
                table: "upPersonalizationAudit",
                columns: new[] { "EntityType", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationAudit_Timestamp",
                table: "upPersonalizationAudit",
                column: "Timestamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upPersonalizationAudit");

            migrationBuilder.DropIndex(
                name: "IX_upPersonalizationAssignment_AssignedAt",
                table: "upPersonalizationAssignment");
        }
    }
}
