using AssistantPortal.Infrastructure;

namespace AssistantPortal.Features.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    /// <summary>The organization, team and project commands and queries, and the demo-data seeder.</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<CreateOrganization>();
        services.AddScoped<AddOrganizationMember>();
        services.AddScoped<RemoveOrganizationMember>();
        services.AddScoped<SetOrganizationRole>();
        services.AddScoped<RenameOrganization>();
        services.AddScoped<DeleteOrganization>();
        services.AddScoped<CreateTeam>();
        services.AddScoped<AddTeamMember>();
        services.AddScoped<RemoveTeamMember>();
        services.AddScoped<SetTeamRole>();
        services.AddScoped<RenameTeam>();
        services.AddScoped<DeleteTeam>();
        services.AddScoped<GroupAccessRemoval>();
        services.AddScoped<CreateProject>();
        services.AddScoped<AddProjectUser>();
        services.AddScoped<AddProjectTeam>();
        services.AddScoped<RemoveProjectUser>();
        services.AddScoped<RemoveProjectTeam>();
        services.AddScoped<SetProjectUserRole>();
        services.AddScoped<SetProjectTeamRole>();
        services.AddScoped<MembershipQueries>();
        // Always registered; it does nothing unless Portal:SeedDemoData is on (AddOrganizations has no configuration to look at).
        services.AddScoped<IStartupSeeder, DemoDataSeeder>();
        return services;
    }
}
