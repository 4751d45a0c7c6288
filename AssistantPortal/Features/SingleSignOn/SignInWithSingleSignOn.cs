using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace AssistantPortal.Features.SingleSignOn;

/// <summary>What became of a sign-in through the external provider.</summary>
public enum SingleSignOnOutcome
{
    /// <summary>A returning person: the account linked to this provider login is signed in.</summary>
    SignedIn = 1,

    /// <summary>A first sign-in: an account was created from the provider's email and signed in.</summary>
    AccountCreated = 2,

    LockedOut = 3,

    /// <summary>The linked account may not sign in (for example an unconfirmed email where confirmation is required).</summary>
    NotAllowed = 4,

    /// <summary>The provider did not say which (verified) email the person has.</summary>
    NoVerifiedEmail = 5,

    /// <summary>A local account already has this email; it must link the provider itself (Profile → External logins).</summary>
    EmailTaken = 6,

    Failed = 7,
}

public sealed record SingleSignOnResult(SingleSignOnOutcome Outcome, string? Email = null, string? Error = null)
{
    public bool Succeeded => Outcome is SingleSignOnOutcome.SignedIn or SingleSignOnOutcome.AccountCreated;
}

/// <summary>
/// Signs in the person the provider vouched for: a returning one straight into the linked account, a new
/// one into an account created from the provider's email. The account is created through the same
/// <see cref="UserManager{TUser}"/> path as a local registration, so <see cref="ApplicationUserStore"/> gives it
/// its role (SPEC §3: Global Admin for the first account of the installation, User for every later one).
/// </summary>
public sealed class SignInWithSingleSignOn(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    ILogger<SignInWithSingleSignOn> logger)
{
    public async Task<SingleSignOnResult> ExecuteAsync(ExternalLoginInfo login)
    {
        // Lockout and the other sign-in checks apply exactly as to a password sign-in.
        var result = await signInManager.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return new(SingleSignOnOutcome.SignedIn);
        }
        if (result.IsLockedOut)
        {
            return new(SingleSignOnOutcome.LockedOut);
        }
        if (await userManager.FindByLoginAsync(login.LoginProvider, login.ProviderKey) is not null)
        {
            return new(SingleSignOnOutcome.NotAllowed);
        }

        var email = login.Principal.FindFirstValue(ClaimTypes.Email) ?? login.Principal.FindFirstValue("email");
        // A provider that says the address is unverified does not get to claim it here.
        if (string.IsNullOrWhiteSpace(email) || string.Equals(login.Principal.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return new(SingleSignOnOutcome.NoVerifiedEmail);
        }
        email = email.Trim();
        // Never attach a provider login to an existing local account by email alone: that would let
        // whoever controls the address at the provider take over the account.
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return new(SingleSignOnOutcome.EmailTaken, email);
        }

        // The provider has confirmed the address, so the account needs no confirmation mail.
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await userManager.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new(SingleSignOnOutcome.Failed, email, Describe(created));
        }
        var linked = await userManager.AddLoginAsync(user, login);
        if (!linked.Succeeded)
        {
            await userManager.DeleteAsync(user);
            return new(SingleSignOnOutcome.Failed, email, Describe(linked));
        }

        logger.LogInformation("Account {UserId} created at a first sign-in with {LoginProvider}.", user.Id, login.LoginProvider);
        await signInManager.SignInAsync(user, isPersistent: false, login.LoginProvider);
        // The provider's answer has served; the next sign-in starts from a clean external cookie.
        await signInManager.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return new(SingleSignOnOutcome.AccountCreated, email);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
