using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssistantPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberFanOutJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberFanOuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetKind = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExceptUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailSubject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EmailText = table.Column<string>(type: "TEXT", nullable: false),
                    EmailHtml = table.Column<string>(type: "TEXT", nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberFanOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberFanOuts_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberFanOuts_AssistantId",
                table: "MemberFanOuts",
                column: "AssistantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberFanOuts");
        }
    }
}
