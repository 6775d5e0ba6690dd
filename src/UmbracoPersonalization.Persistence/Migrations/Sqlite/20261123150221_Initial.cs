using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UmbracoPersonalization.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upPersonalizationAssignment",
                columns: table => new
                {
                    VisitorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ExperimentKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Arm = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationAssignment", x => new { x.VisitorId, x.ExperimentKey });
                });

            migrationBuilder.CreateTable(
                name: "upPersonalizationDefinitionsVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationDefinitionsVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "upPersonalizationEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", nullable: true),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "upPersonalizationExperience",
                columns: table => new
                {
                    Placement = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DefaultVariantKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Variants = table.Column<string>(type: "TEXT", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    Experiment = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationExperience", x => x.Placement);
                });

            migrationBuilder.CreateTable(
                name: "upPersonalizationProfile",
                columns: table => new
                {
                    VisitorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationProfile", x => x.VisitorId);
                });

            migrationBuilder.CreateTable(
                name: "upPersonalizationSegment",
                columns: table => new
                {
                    Alias = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Condition = table.Column<string>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upPersonalizationSegment", x => x.Alias);
                });

            migrationBuilder.InsertData(
                table: "upPersonalizationDefinitionsVersion",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationEvent_Timestamp",
                table: "upPersonalizationEvent",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationEvent_VisitorId",
                table: "upPersonalizationEvent",
                column: "VisitorId");

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationProfile_LastSeen",
                table: "upPersonalizationProfile",
                column: "LastSeen");

            migrationBuilder.CreateIndex(
                name: "IX_upPersonalizationProfile_MemberKey",
                table: "upPersonalizationProfile",
                column: "MemberKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upPersonalizationAssignment");

            migrationBuilder.DropTable(
                name: "upPersonalizationDefinitionsVersion");

            migrationBuilder.DropTable(
                name: "upPersonalizationEvent");

            migrationBuilder.DropTable(
                name: "upPersonalizationExperience");

            migrationBuilder.DropTable(
                name: "upPersonalizationProfile");

            migrationBuilder.DropTable(
                name: "upPersonalizationSegment");
        }
    }
}
