using AssistantPortal.Features.ApiKeys;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantPortal.Features.Assistants;

public static class AssistantsServiceCollectionExtensions
{
    /// <summary>The assistant use cases and queries; scoped because they use the scoped authorizer.</summary>
    public static IServiceCollection AddAssistants(this IServiceCollection services)
    {
        services.AddScoped<ListMyAssistants>();
        services.AddScoped<UsableProjects>();
        services.AddScoped<CreateAssistant>();
        services.AddScoped<OpenAssistant>();
        services.AddScoped<GetAssistantSettings>();
        services.AddScoped<UpdateAssistantSettings>();
        services.AddScoped<ListModelAliasChoices>();
        services.AddScoped<DeleteAssistant>();
        // Deleting an assistant forgets its cached API keys (shared with AddApiKeys, registered once).
        services.TryAddSingleton<ApiKeyCache>();
        return services;
    }
}
