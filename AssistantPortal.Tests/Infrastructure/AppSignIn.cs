using System.Net;
using AngleSharp.Html.Parser;
using AssistantPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>Accounts and signed-in clients for HTTP-level tests, through the app's real Identity and login form.</summary>
public static class AppSignIn
{
    public const string Password = "Passw0rd!";

    /// <summary>Creates a confirmed account (the first on a fresh database becomes Global Admin) and optionally sets its role.</summary>
    public static async Task<ApplicationUser> CreateUserAsync(this AppFactory factory, string email, GlobalRole? role = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is { } wanted && user.GlobalRole != wanted)
        {
            user.GlobalRole = wanted;
            await users.UpdateAsync(user);
        }
        return user;
    }

    /// <summary>Signs in by posting the login form as a browser would, antiforgery token included; redirects are not followed.</summary>
    public static async Task<HttpClient> SignInAsync(this AppFactory factory, string email, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Login"))
            .QuerySelectorAll("form").Single(f => f.QuerySelector("input[name='Input.Email']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return client;
    }
}
