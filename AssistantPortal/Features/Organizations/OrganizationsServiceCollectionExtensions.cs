namespace AssistantPortal.Features.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        return services;
    }
}
