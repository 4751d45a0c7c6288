namespace AssistantPortal.Features.Links;

public static class LinksServiceCollectionExtensions
{
    /// <summary>Public access and the view and edit links of an assistant (SPEC §4.5).</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddScoped<GetPublicAccess>();
        services.AddScoped<SetPublicAccess>();
        services.AddScoped<ResetViewLink>();
        services.AddScoped<ResetEditLink>();
        services.AddScoped<OpenLink>();
        services.AddScoped<AskThroughLink>();
        return services;
    }
}
