using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UmbracoPersonalization.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
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
