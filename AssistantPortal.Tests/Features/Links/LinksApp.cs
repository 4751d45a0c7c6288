using System.Security.Claims;
using System.Text.Encodings.Web;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Tests.Features.Links;

/// <summary>
/// The app in memory with one assistant per public-access value, each with a view and an edit link, and
/// three visitors: a stranger, a Team Viewer of the assistants' team, and (implicitly) nobody. A request is
/// signed in as a user by the <see cref="TestSignIn.Header"/> header (the cookie sign-in is the E2E's job).
/// </summary>
public sealed class LinksApp : AppFactory, IAsyncLifetime
{
    public Dictionary<PublicAccess, Assistant> Assistants { get; } = [];
    public string OwnerId { get; private set; } = "";
    public string StrangerId { get; private set; } = "";
    public string TeamViewerId { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestSignIn.SchemeName;
                o.DefaultAuthenticateScheme = TestSignIn.SchemeName;
            });
        });
    }

    public async Task InitializeAsync()
    {
        _ = Server; // starts the app, which migrates the database
        await using var db = CreateDbContext();
        var owner = User("owner@links.test");
        var stranger = User("stranger@links.test");
        var teamViewer = User("viewer@links.test");
        db.Users.AddRange(owner, stranger, teamViewer);
        var organization = new Organization { Name = "Acme", CreatedAt = DateTime.UtcNow };
        var team = new Team { Organization = organization, Name = "Support", CreatedAt = DateTime.UtcNow };
        team.Members.Add(new TeamMember { User = teamViewer, Role = TeamRole.Viewer });
        var project = new Project { Organization = organization, Team = team, Name = "Helpdesk", CreatedAt = DateTime.UtcNow };
        db.AddRange(organization, team, project);
        foreach (var value in Enum.GetValues<PublicAccess>())
        {
            var assistant = new Assistant
            {
                Name = $"Secret-{value}-bot", Instructions = "Be kind.", Owner = owner, Project = project, PublicAccess = value,
                ViewLinkToken = LinkTokens.Create(), EditLinkToken = LinkTokens.Create(),
            };
            db.Assistants.Add(assistant);
            Assistants[value] = assistant;
        }
        await db.SaveChangesAsync();
        OwnerId = owner.Id;
        StrangerId = stranger.Id;
        TeamViewerId = teamViewer.Id;
    }

    /// <summary>A client that does not follow redirects, signed in as <paramref name="userId"/> when given.</summary>
    public HttpClient Client(string? userId = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, userId);
        }
        return client;
    }

    private static ApplicationUser User(string name) => new()
    {
        UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = name, NormalizedEmail = name.ToUpperInvariant(),
        EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
    };

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>Signs a request in as the user whose id is in the <see cref="Header"/> header; anonymous without it.</summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var userId) || string.IsNullOrEmpty(userId))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId!), new Claim(ClaimTypes.Name, userId!)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
