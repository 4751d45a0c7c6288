namespace AssistantPortal.Features.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IEmailOutbox, EmailOutbox>();
        return services;
    }
}
