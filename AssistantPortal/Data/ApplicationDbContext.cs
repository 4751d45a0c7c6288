using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssistantPortal.Data;

/// <summary>
/// The one database of the app: Identity's tables plus the access domain, on SQLite or PostgreSQL
/// (<see cref="Infrastructure.DatabaseOptions"/>). Each provider has its own migrations; see
/// <see cref="PostgreSqlMigrationsContext"/>.
/// </summary>
public class ApplicationDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : base(options)
    {
    }

    /// <summary>For <see cref="PostgreSqlMigrationsContext"/>, the design-time twin that owns the PostgreSQL migrations.</summary>
    protected ApplicationDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// The Data Protection key ring when several instances share it (PostgreSQL); with SQLite the keys stay in
    /// the data folder and this table is empty.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectUserMember> ProjectUserMembers => Set<ProjectUserMember>();
    public DbSet<ProjectTeamMember> ProjectTeamMembers => Set<ProjectTeamMember>();
    public DbSet<Assistant> Assistants => Set<Assistant>();
    public DbSet<AssistantUserGrant> AssistantUserGrants => Set<AssistantUserGrant>();
    public DbSet<AssistantTeamGrant> AssistantTeamGrants => Set<AssistantTeamGrant>();
    public DbSet<AssistantOrganizationGrant> AssistantOrganizationGrants => Set<AssistantOrganizationGrant>();
    public DbSet<ShareRequest> ShareRequests => Set<ShareRequest>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MemberFanOut> MemberFanOuts => Set<MemberFanOut>();
    public DbSet<KnowledgeDocument> KnowledgeDocuments => Set<KnowledgeDocument>();
    public DbSet<KnowledgePassage> KnowledgePassages => Set<KnowledgePassage>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ChatExchange> ChatExchanges => Set<ChatExchange>();
    public DbSet<EvaluationTestCase> EvaluationTestCases => Set<EvaluationTestCase>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();
    public DbSet<EvaluationResult> EvaluationResults => Set<EvaluationResult>();
    public DbSet<ChatModelAlias> ChatModelAliases => Set<ChatModelAlias>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
        builder.Entity<ApplicationUser>().HasIndex(u => u.GlobalRole);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC. SQLite keeps no kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
