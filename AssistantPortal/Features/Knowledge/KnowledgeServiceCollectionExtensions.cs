using AssistantPortal.Features.Chat;

namespace AssistantPortal.Features.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge base, retrieval and the chat engines (SPEC §8.1–8.2).</summary>
    public static IServiceCollection AddKnowledgeAndChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ChatEngineOptions>(configuration.GetSection(ChatEngineOptions.Section));
        services.AddSingleton<KnowledgeSearch>();
        // Model aliases keep their API keys protected; AddDataProtection registers once however often it is called.
        services.AddDataProtection();
        services.AddSingleton<ModelAliasKeys>();
        services.AddSingleton<IChatClientProvider, ChatClientProvider>();
        services.AddScoped<KnowledgeBase>();
        services.AddSingleton<ChatLogWriter>();
        services.AddSingleton<AssistantChat>();
        services.AddScoped<ChatHistory>();
        services.AddScoped<ChatLogs>();
        return services;
    }
}
