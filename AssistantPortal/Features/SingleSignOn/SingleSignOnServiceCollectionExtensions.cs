using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AssistantPortal.Features.SingleSignOn;

public static class SingleSignOnServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured OpenID Connect provider as an external login of Identity, so the
    /// sign-in page offers it and <see cref="SignInWithSingleSignOn"/> turns its answer into an account.
    /// With nothing configured, no scheme is added and the sign-in page is unchanged.
    /// </summary>
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SignInWithSingleSignOn>();
        var settings = configuration.GetSection(SingleSignOnSettings.Section).Get<SingleSignOnSettings>();
        if (settings is not { IsConfigured: true })
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, settings.DisplayName, o =>
        {
            // The provider's answer lands in Identity's external cookie; ExternalLogin.razor takes it from there.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // Some providers put the email only in the user-info answer, not in the id_token.
            o.GetClaimsFromUserInfoEndpoint = true;
            o.SaveTokens = false;
            // A refusal or an error at the provider (the person cancelled, a misconfigured client) lands on
            // the sign-in page with a message instead of an error page; the handler has logged the details.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{context.Request.PathBase}/Account/ExternalLogin?RemoteError=1");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            foreach (var scope in new[] { "openid", "profile", "email" }.Concat(settings.Scopes))
            {
                if (!string.IsNullOrWhiteSpace(scope) && !o.Scope.Contains(scope))
                {
                    o.Scope.Add(scope);
                }
            }
        });
        return services;
    }
}
