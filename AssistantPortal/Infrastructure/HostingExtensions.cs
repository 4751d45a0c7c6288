using AssistantPortal.Components;
using AssistantPortal.Components.Account;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Api;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Evaluation;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Features.Links;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Features.SingleSignOn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace AssistantPortal.Infrastructure;

/// <summary>Everything the app registers and maps, one feature at a time, so Program.cs reads at a glance.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var portal = builder.Configuration.GetSection(PortalOptions.Section);
        services.Configure<PortalOptions>(portal);
        services.AddSingleton(TimeProvider.System);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database");
        builder.AddObservability();
        services.AddHttpContextAccessor();

        services.AddDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddKeyRing(builder.Configuration, (portal.Get<PortalOptions>() ?? new PortalOptions()).ResolveDataPath(builder.Environment.ContentRootPath));
        services.AddAccounts(portal.Get<PortalOptions>() ?? new PortalOptions());
        services.AddSingleSignOn(builder.Configuration);

        services.AddAccess();
        services.AddAudit();
        services.AddEmail(builder.Configuration);
        services.AddNotifications();
        services.AddOrganizations();
        services.AddAssistants();
        services.AddSharing();
        services.AddApprovals();
        services.AddApiKeys();
        services.AddKnowledgeAndChat(builder.Configuration);
        services.AddAssistantApi(builder.Configuration);
        services.AddLinks();
        services.AddEvaluation();
        services.AddAdmin();
        return builder;
    }

    private static IServiceCollection AddAccounts(this IServiceCollection services, PortalOptions options)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = options.RequireConfirmedAccount;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddUserStore<ApplicationUserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        return services;
    }

    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Routing and authorization run after the status-code pages, so that a page a policy refuses
        // (404, see NotFoundWhenForbidden) is re-executed into the same not-found page as an unknown address.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEmbedFraming();
        app.UseApiProblemDetails();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapObservability();
        app.MapAssistantApiEndpoints();
        app.MapEmbedScript();
        app.MapAdminExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
