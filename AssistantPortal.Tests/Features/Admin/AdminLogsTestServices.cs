using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Audit;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantPortal.Tests.Features.Admin;

/// <summary>The admin log sections wired as the app wires them, on a <see cref="TestDatabase"/>, with fixture builders.</summary>
public static class AdminLogsTestServices
{
    /// <summary>
    /// The real policies and authorization service and policy provider (replacing bunit's fakes, so the section policies are decided
    /// from the database as in the app), the audit log and the admin log queries.
    /// </summary>
    public static IServiceCollection AddAdminLogsFeature(this IServiceCollection services, TestDatabase database)
    {
        services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddAccess();
        services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        services.AddAudit();
        services.AddAdminLogs();
        return services;
    }

    public static ServiceProvider Build(TestDatabase database) =>
        new ServiceCollection().AddAdminLogsFeature(database).BuildServiceProvider();

    public static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));

    public static DateTime At(int day, int hour = 12) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<ChatExchange> ExchangeAsync(this TestDatabase database, Assistant assistant, ApplicationUser? user, DateTime at,
        string question, ChatOrigin origin = ChatOrigin.User, string? whoName = null, string supporting = "", string thought = "")
    {
        await using var db = database.CreateDbContext();
        var exchange = new ChatExchange
        {
            AssistantId = assistant.Id, Origin = origin, UserId = user?.Id, WhoName = whoName ?? user?.UserName ?? "Link visitor",
            AskedAt = at, Question = question, Answer = "Answer to " + question, SupportingContent = supporting, ThoughtProcess = thought,
        };
        db.ChatExchanges.Add(exchange);
        await db.SaveChangesAsync();
        return exchange;
    }

    public static async Task<AuditEntry> AuditAsync(this TestDatabase database, AuditAction action, ApplicationUser? actor, DateTime at,
        Assistant? assistant = null, string? target = null, string details = "", string? actorName = null)
    {
        await using var db = database.CreateDbContext();
        var entry = new AuditEntry
        {
            At = at, Action = action, ActorUserId = actor?.Id, ActorName = actorName ?? actor?.UserName ?? "system",
            AssistantId = assistant?.Id, AssistantName = assistant?.Name, Target = target, Details = details,
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }
}
