using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssistantPortal.Data.Configurations;

// Uniqueness, foreign keys and value ranges are the database's to enforce, not only the code's.

internal static class Lengths
{
    public const int Name = 100;
    public const int Description = 1_000;
    public const int Instructions = 8_000;
    public const int Token = 64;
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> builder)
    {
        builder.HasKey(m => new { m.OrganizationId, m.UserId });
        // Covering: "my organizations" is answered from the index alone (the list of visible assistants).
        builder.HasIndex(m => new { m.UserId, m.OrganizationId });
        builder.HasOne(m => m.Organization).WithMany(o => o.Members).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
        builder.HasIndex(t => t.Name);
        builder.HasOne(t => t.Organization).WithMany(o => o.Teams).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.TeamId, m.UserId });
        // Covering: the viewer's teams, by role, without a trip to the table (the list of visible assistants).
        builder.HasIndex(m => new { m.UserId, m.Role, m.TeamId });
        builder.HasOne(m => m.Team).WithMany(t => t.Members).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
        builder.HasIndex(p => p.TeamId);
        builder.HasOne(p => p.Organization).WithMany(o => o.Projects).OnDelete(DeleteBehavior.Cascade);
        // Deleting a team takes away the access it gave, not the project: the project stays in the organization.
        builder.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProjectUserMemberConfiguration : IEntityTypeConfiguration<ProjectUserMember>
{
    public void Configure(EntityTypeBuilder<ProjectUserMember> builder)
    {
        builder.HasKey(m => new { m.ProjectId, m.UserId });
        builder.HasIndex(m => new { m.UserId, m.ProjectId });
        builder.HasOne(m => m.Project).WithMany(p => p.UserMembers).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectTeamMemberConfiguration : IEntityTypeConfiguration<ProjectTeamMember>
{
    public void Configure(EntityTypeBuilder<ProjectTeamMember> builder)
    {
        builder.HasKey(m => new { m.ProjectId, m.TeamId });
        builder.HasIndex(m => new { m.TeamId, m.ProjectId });
        builder.HasOne(m => m.Project).WithMany(p => p.TeamMembers).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssistantConfiguration : IEntityTypeConfiguration<Assistant>
{
    public void Configure(EntityTypeBuilder<Assistant> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(Lengths.Description);
        builder.Property(a => a.Instructions).HasMaxLength(Lengths.Instructions);
        builder.Property(a => a.ModelAlias).HasMaxLength(Lengths.Name);
        builder.Property(a => a.ViewLinkToken).HasMaxLength(Lengths.Token);
        builder.Property(a => a.EditLinkToken).HasMaxLength(Lengths.Token);
        builder.HasIndex(a => a.OwnerId);
        // Covering for "assistants of these projects" and "... open to the team" (SPEC §2.1 rows 7 to 9).
        builder.HasIndex(a => new { a.ProjectId, a.PublicAccess });
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => a.ViewLinkToken).IsUnique();
        builder.HasIndex(a => a.EditLinkToken).IsUnique();
        // An owner must hand their assistants over (transfer) before the account can go.
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Project).WithMany(p => p.Assistants).HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_Assistants_PublicAccess", "\"PublicAccess\" BETWEEN 0 AND 3"));
    }
}

internal sealed class AssistantUserGrantConfiguration : IEntityTypeConfiguration<AssistantUserGrant>
{
    public void Configure(EntityTypeBuilder<AssistantUserGrant> builder)
    {
        builder.HasIndex(g => new { g.AssistantId, g.UserId }).IsUnique();
        // Covering: the assistants shared with a user, a team or an organization come from the index alone.
        builder.HasIndex(g => new { g.UserId, g.AssistantId });
        builder.HasOne(g => g.Assistant).WithMany(a => a.UserGrants).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.User).WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.GrantedBy).WithMany().HasForeignKey(g => g.GrantedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_AssistantUserGrants_Level", "\"Level\" BETWEEN 1 AND 3"));
    }
}

internal sealed class AssistantTeamGrantConfiguration : IEntityTypeConfiguration<AssistantTeamGrant>
{
    public void Configure(EntityTypeBuilder<AssistantTeamGrant> builder)
    {
        builder.HasIndex(g => new { g.AssistantId, g.TeamId }).IsUnique();
        builder.HasIndex(g => new { g.TeamId, g.AssistantId });
        builder.HasOne(g => g.Assistant).WithMany(a => a.TeamGrants).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.Team).WithMany().HasForeignKey(g => g.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.GrantedBy).WithMany().HasForeignKey(g => g.GrantedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_AssistantTeamGrants_Level", "\"Level\" BETWEEN 1 AND 3"));
    }
}

internal sealed class AssistantOrganizationGrantConfiguration : IEntityTypeConfiguration<AssistantOrganizationGrant>
{
    public void Configure(EntityTypeBuilder<AssistantOrganizationGrant> builder)
    {
        builder.HasIndex(g => new { g.AssistantId, g.OrganizationId }).IsUnique();
        builder.HasIndex(g => new { g.OrganizationId, g.AssistantId });
        builder.HasOne(g => g.Assistant).WithMany(a => a.OrganizationGrants).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.Organization).WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.GrantedBy).WithMany().HasForeignKey(g => g.GrantedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_AssistantOrganizationGrants_Level", "\"Level\" BETWEEN 1 AND 3"));
    }
}

internal sealed class ShareRequestConfiguration : IEntityTypeConfiguration<ShareRequest>
{
    public void Configure(EntityTypeBuilder<ShareRequest> builder)
    {
        // At most one pending request per assistant and target: a duplicate request is refused by the database too.
        builder.HasIndex(r => new { r.AssistantId, r.TeamId }).IsUnique().HasFilter("\"Status\" = 0 AND \"TeamId\" IS NOT NULL")
            .HasDatabaseName("IX_ShareRequests_PendingTeam");
        builder.HasIndex(r => new { r.AssistantId, r.OrganizationId }).IsUnique().HasFilter("\"Status\" = 0 AND \"OrganizationId\" IS NOT NULL")
            .HasDatabaseName("IX_ShareRequests_PendingOrganization");
        builder.HasIndex(r => new { r.Status, r.TeamId });
        builder.HasIndex(r => new { r.Status, r.OrganizationId });
        builder.HasOne(r => r.Assistant).WithMany(a => a.ShareRequests).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RequestedBy).WithMany().HasForeignKey(r => r.RequestedByUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.DecidedBy).WithMany().HasForeignKey(r => r.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ShareRequests_Level", "\"RequestedLevel\" BETWEEN 1 AND 3");
            t.HasCheckConstraint("CK_ShareRequests_Target",
                "(\"TargetKind\" = 1 AND \"TeamId\" IS NOT NULL AND \"OrganizationId\" IS NULL) OR " +
                "(\"TargetKind\" = 2 AND \"OrganizationId\" IS NOT NULL AND \"TeamId\" IS NULL)");
        });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(k => k.DisplayPrefix).HasMaxLength(16).IsRequired();
        builder.Property(k => k.Hash).HasMaxLength(32).IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => new { k.AssistantId, k.Name }).IsUnique();
        builder.HasOne(k => k.Assistant).WithMany(a => a.ApiKeys).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(k => k.CreatedBy).WithMany().HasForeignKey(k => k.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_ApiKeys_Level", "\"Level\" BETWEEN 1 AND 3"));
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Message).HasMaxLength(Lengths.Description).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(400);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Assistant).WithMany().HasForeignKey(n => n.AssistantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.AssistantName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Target).HasMaxLength(256);
        builder.Property(e => e.Details).HasMaxLength(Lengths.Description);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.AssistantId);
        builder.HasIndex(e => e.ActorUserId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.To).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class MemberFanOutConfiguration : IEntityTypeConfiguration<MemberFanOut>
{
    public void Configure(EntityTypeBuilder<MemberFanOut> builder)
    {
        builder.Property(j => j.ExceptUserId).HasMaxLength(450).IsRequired();
        builder.Property(j => j.Message).HasMaxLength(Lengths.Description).IsRequired();
        builder.Property(j => j.Link).HasMaxLength(300).IsRequired();
        builder.Property(j => j.EmailSubject).HasMaxLength(300).IsRequired();
        builder.Property(j => j.After).HasMaxLength(450);
        // The job goes with its assistant: nothing is left to tell about an assistant that no longer exists.
        builder.HasOne(j => j.Assistant).WithMany().HasForeignKey(j => j.AssistantId).OnDelete(DeleteBehavior.Cascade);
    }
}
