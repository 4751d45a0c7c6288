using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssistantPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResolverIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TeamMembers_UserId_Role",
                table: "TeamMembers");

            migrationBuilder.DropIndex(
                name: "IX_ProjectUserMembers_UserId",
                table: "ProjectUserMembers");

            migrationBuilder.DropIndex(
                name: "IX_ProjectTeamMembers_TeamId",
                table: "ProjectTeamMembers");

            migrationBuilder.DropIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers");

            migrationBuilder.DropIndex(
                name: "IX_AssistantUserGrants_UserId",
                table: "AssistantUserGrants");

            migrationBuilder.DropIndex(
                name: "IX_AssistantTeamGrants_TeamId",
                table: "AssistantTeamGrants");

            migrationBuilder.DropIndex(
                name: "IX_Assistants_ProjectId",
                table: "Assistants");

            migrationBuilder.DropIndex(
                name: "IX_AssistantOrganizationGrants_OrganizationId",
                table: "AssistantOrganizationGrants");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_UserId_Role_TeamId",
                table: "TeamMembers",
                columns: new[] { "UserId", "Role", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectUserMembers_UserId_ProjectId",
                table: "ProjectUserMembers",
                columns: new[] { "UserId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTeamMembers_TeamId_ProjectId",
                table: "ProjectTeamMembers",
                columns: new[] { "TeamId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationMembers_UserId_OrganizationId",
                table: "OrganizationMembers",
                columns: new[] { "UserId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistantUserGrants_UserId_AssistantId",
                table: "AssistantUserGrants",
                columns: new[] { "UserId", "AssistantId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistantTeamGrants_TeamId_AssistantId",
                table: "AssistantTeamGrants",
                columns: new[] { "TeamId", "AssistantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assistants_ProjectId_PublicAccess",
                table: "Assistants",
                columns: new[] { "ProjectId", "PublicAccess" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistantOrganizationGrants_OrganizationId_AssistantId",
                table: "AssistantOrganizationGrants",
                columns: new[] { "OrganizationId", "AssistantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TeamMembers_UserId_Role_TeamId",
                table: "TeamMembers");

            migrationBuilder.DropIndex(
                name: "IX_ProjectUserMembers_UserId_ProjectId",
                table: "ProjectUserMembers");

            migrationBuilder.DropIndex(
                name: "IX_ProjectTeamMembers_TeamId_ProjectId",
                table: "ProjectTeamMembers");

            migrationBuilder.DropIndex(
                name: "IX_OrganizationMembers_UserId_OrganizationId",
                table: "OrganizationMembers");

            migrationBuilder.DropIndex(
                name: "IX_AssistantUserGrants_UserId_AssistantId",
                table: "AssistantUserGrants");

            migrationBuilder.DropIndex(
                name: "IX_AssistantTeamGrants_TeamId_AssistantId",
                table: "AssistantTeamGrants");

            migrationBuilder.DropIndex(
                name: "IX_Assistants_ProjectId_PublicAccess",
                table: "Assistants");

            migrationBuilder.DropIndex(
                name: "IX_AssistantOrganizationGrants_OrganizationId_AssistantId",
                table: "AssistantOrganizationGrants");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_UserId_Role",
                table: "TeamMembers",
                columns: new[] { "UserId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectUserMembers_UserId",
                table: "ProjectUserMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTeamMembers_TeamId",
                table: "ProjectTeamMembers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistantUserGrants_UserId",
                table: "AssistantUserGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistantTeamGrants_TeamId",
                table: "AssistantTeamGrants",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Assistants_ProjectId",
                table: "Assistants",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistantOrganizationGrants_OrganizationId",
                table: "AssistantOrganizationGrants",
                column: "OrganizationId");
        }
    }
}
