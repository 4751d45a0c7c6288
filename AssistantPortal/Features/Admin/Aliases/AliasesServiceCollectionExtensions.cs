namespace AssistantPortal.Features.Admin.Aliases;

public static class AliasesServiceCollectionExtensions
{
    /// <summary>
    /// The Aliases section (SPEC §9). The key protection (<c>ModelAliasKeys</c>) and the provider that
    /// resolves aliases come with <c>AddKnowledgeAndChat</c>.
    /// </summary>
    public static IServiceCollection AddAliases(this IServiceCollection services)
    {
        services.AddScoped<ListModelAliases>();
        services.AddScoped<CreateModelAlias>();
        services.AddScoped<UpdateModelAlias>();
        services.AddScoped<DeleteModelAlias>();
        return services;
    }
}
