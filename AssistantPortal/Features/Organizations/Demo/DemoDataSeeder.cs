using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Fills an empty database with the demo people, organization, teams, projects and assistants of
/// DEMO.md when <see cref="PortalOptions.SeedDemoData"/> is on. It runs only while there is no account
/// at all, so a second start (or an installation someone already uses) gets nothing added.
/// </summary>
public sealed class DemoDataSeeder(IOptions<PortalOptions> options, IPasswordHasher<ApplicationUser> hasher, TimeProvider clock) : IStartupSeeder
{
    /// <summary>The password of every demo account.</summary>
    public const string Password = "Demo!2345";

    public async Task SeedAsync(ApplicationDbContext db)
    {
        if (!options.Value.SeedDemoData || await db.Users.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = User("admin@demo.test", GlobalRole.GlobalAdmin, now);
        var appAdmin = User("appadmin@demo.test", GlobalRole.ApplicationAdmin, now);
        var alice = User("alice@demo.test", GlobalRole.User, now);
        var bob = User("bob@demo.test", GlobalRole.User, now);
        var carol = User("carol@demo.test", GlobalRole.User, now);
        var dave = User("dave@demo.test", GlobalRole.User, now);
        db.Users.AddRange(admin, appAdmin, alice, bob, carol, dave);

        var contoso = new Organization { Name = "Contoso", CreatedAt = now };
        contoso.Members.AddRange(
            Member(alice, OrganizationRole.Member), Member(bob, OrganizationRole.Member),
            Member(carol, OrganizationRole.Admin), Member(dave, OrganizationRole.Member), Member(appAdmin, OrganizationRole.Member));
        var support = new Team { Organization = contoso, Name = "Support", CreatedByUserId = admin.Id, CreatedAt = now };
        support.Members.AddRange(TeamMember(alice, TeamRole.Owner), TeamMember(bob, TeamRole.Viewer));
        // Created by the Application Admin, who therefore owns it (SPEC §3).
        var sales = new Team { Organization = contoso, Name = "Sales", CreatedByUserId = appAdmin.Id, CreatedAt = now };
        sales.Members.AddRange(TeamMember(appAdmin, TeamRole.Owner), TeamMember(dave, TeamRole.Viewer));
        db.Organizations.Add(contoso);
        db.Teams.AddRange(support, sales);

        var helpdesk = new Project { Organization = contoso, Team = support, Name = "Helpdesk", CreatedByUserId = alice.Id, CreatedAt = now };
        helpdesk.UserMembers.Add(new ProjectUserMember { User = alice, Role = ProjectRole.Admin });
        helpdesk.TeamMembers.Add(new ProjectTeamMember { Team = sales, Role = ProjectRole.Member });
        var wiki = new Project { Organization = contoso, Name = "Wiki", CreatedByUserId = carol.Id, CreatedAt = now };
        wiki.UserMembers.Add(new ProjectUserMember { User = carol, Role = ProjectRole.Admin });
        wiki.UserMembers.Add(new ProjectUserMember { User = dave, Role = ProjectRole.Member });
        db.Projects.AddRange(helpdesk, wiki);

        var supportBot = Assistant("Support Bot", "Answers customer questions from the support handbook.", alice, helpdesk, PublicAccess.Team, now);
        var wikiGuide = Assistant("Wiki Guide", "Finds pages in the company wiki.", carol, wiki, PublicAccess.EveryoneSignedIn, now);
        wikiGuide.ViewLinkToken = LinkTokens.Create();
        wikiGuide.OrganizationGrants.Add(new AssistantOrganizationGrant
        {
            Organization = contoso, Level = AccessLevel.UseOnly, GrantedByUserId = carol.Id, GrantedAt = now,
        });
        var salesCoach = Assistant("Sales Coach", "Drafts replies to sales leads.", dave, null, PublicAccess.NotAccessible, now);
        salesCoach.UserGrants.Add(new AssistantUserGrant { User = bob, Level = AccessLevel.ReadWrite, GrantedByUserId = dave.Id, GrantedAt = now });
        salesCoach.TeamGrants.Add(new AssistantTeamGrant { Team = sales, Level = AccessLevel.ReadOnly, GrantedByUserId = dave.Id, GrantedAt = now });
        // Waits in alice's inbox: dave is not an owner of Support, so his share needs review (SPEC §4.2).
        salesCoach.ShareRequests.Add(new ShareRequest
        {
            TargetKind = ShareTargetKind.Team, Team = support, RequestedLevel = AccessLevel.UseOnly,
            RequestedBy = dave, RequestedAt = now, Status = ShareRequestStatus.Pending,
        });
        var faq = Assistant("Public FAQ", "Answers visitors' questions; embeddable on the public website.", admin, null, PublicAccess.Everyone, now);
        faq.ViewLinkToken = LinkTokens.Create();
        db.Assistants.AddRange(supportBot, wikiGuide, salesCoach, faq);
        await db.SaveChangesAsync();

        // Something to chat about out of the box: the offline engine answers from these.
        Knowledge(db, supportBot, alice, "support-handbook.md", DemoKnowledge.SupportHandbook, now);
        Knowledge(db, faq, admin, "faq.md", DemoKnowledge.Faq, now);
        Knowledge(db, wikiGuide, carol, "wiki-index.md", DemoKnowledge.WikiIndex, now);
        await db.SaveChangesAsync();
    }

    private static void Knowledge(ApplicationDbContext db, Assistant assistant, ApplicationUser by, string fileName, string text, DateTime now)
    {
        var document = new KnowledgeDocument
        {
            AssistantId = assistant.Id, FileName = fileName, ContentType = DocumentText.Markdown, Text = text,
            SizeBytes = System.Text.Encoding.UTF8.GetByteCount(text), UploadedByUserId = by.Id, UploadedByName = by.UserName!,
            UploadedAt = now, IndexedAt = now,
        };
        var ordinal = 0;
        foreach (var passage in PassageSplitter.Split(text))
        {
            document.Passages.Add(new KnowledgePassage { AssistantId = assistant.Id, Ordinal = ordinal++, Text = passage });
        }
        db.KnowledgeDocuments.Add(document);
    }

    private ApplicationUser User(string email, GlobalRole role, DateTime now)
    {
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
            GlobalRole = role, CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = hasher.HashPassword(user, Password);
        return user;
    }

    private static OrganizationMember Member(ApplicationUser user, OrganizationRole role) => new() { User = user, Role = role };

    private static TeamMember TeamMember(ApplicationUser user, TeamRole role) => new() { User = user, Role = role };

    private static Assistant Assistant(string name, string description, ApplicationUser owner, Project? project, PublicAccess access, DateTime now) => new()
    {
        Name = name, Description = description, Instructions = $"You are {name}. Answer briefly and cite your sources.",
        Owner = owner, Project = project, PublicAccess = access, CreatedAt = now, UpdatedAt = now,
    };
}
