namespace AssistantPortal.Features.Assistants;

public static class AssistantsServiceCollectionExtensions
{
    public static IServiceCollection AddAssistants(this IServiceCollection services)
    {
        return services;
    }
}
