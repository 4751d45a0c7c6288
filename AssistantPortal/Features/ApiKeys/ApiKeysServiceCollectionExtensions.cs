using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantPortal.Features.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>The API-key use cases (SPEC §4.4) and the validator the HTTP API authenticates with (SPEC §5).</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddScoped<CreateApiKey>();
        services.AddScoped<DeleteApiKey>();
        services.AddScoped<ListApiKeys>();
        services.AddScoped<ApiKeyValidator>();
        services.TryAddSingleton<ApiKeyCache>();
        return services;
    }
}
