namespace AssistantPortal.Features.Sharing;

public static class SharingServiceCollectionExtensions
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        return services;
    }
}
