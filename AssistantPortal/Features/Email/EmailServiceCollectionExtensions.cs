using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.MaxAttempts >= 1, "Email:MaxAttempts must be at least 1.")
            .Validate(o => o.BackOffBase > TimeSpan.Zero && o.MaxBackOff >= o.BackOffBase, "Email:BackOffBase must be positive and at most Email:MaxBackOff.")
            .Validate(o => o.MaxServerBackOff > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.ClaimDuration > TimeSpan.Zero,
                "Email:MaxServerBackOff, PollInterval and ClaimDuration must be positive.")
            .Validate(o => o.BatchSize >= 1, "Email:BatchSize must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        // Every context of the app wakes the sender when it saves new mail: features just enqueue.
        services.ConfigureDbContext<ApplicationDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()));

        var usesSmtp = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.UsesSmtp == true;
        if (usesSmtp)
        {
            services.AddSingleton<IMailDelivery, SmtpMailDelivery>();
        }
        else
        {
            services.AddSingleton<IMailDelivery, FileMailDelivery>();
        }
        services.AddSingleton<OutboxAdmin>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
