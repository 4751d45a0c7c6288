using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Features.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Benchmarks;

/// <summary>
/// The entries that run the whole app (<see cref="AppHost"/>): <c>share-org</c> through the app's services,
/// <c>api-get</c> and <c>api-chat</c> over HTTP on a real loopback socket.
/// </summary>
public sealed class AppWorkload(AppHost app, IReadOnlySet<string> entries)
{
    private const int OrganizationMembers = 10_000;
    private const int ShareWarmUp = 5;
    private const int Shares = 50;
    private const int Workers = 16;
    private static readonly TimeSpan LoadWarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<EntryResult>> RunAsync()
    {
        app.Start();
        Console.WriteLine($"app listening on {app.Address}");
        var results = new List<EntryResult>();
        ApplicationUser admin;
        await using (var db = app.CreateDbContext())
        {
            admin = AppHost.NewUser("admin@bench.test", GlobalRole.GlobalAdmin);
            db.Users.Add(admin);
            await db.SaveChangesAsync();
        }
        if (entries.Contains("api-get") || entries.Contains("api-chat"))
        {
            var (assistantId, key) = await ArrangeApiAsync(admin);
            using var client = NewClient(key);
            if (entries.Contains("api-get"))
            {
                results.Add(await LoadAsync("api-get", client, () => new HttpRequestMessage(HttpMethod.Get, $"api/v1/assistants/{assistantId}")));
            }
            if (entries.Contains("api-chat"))
            {
                results.Add(await LoadAsync("api-chat", client, () => new HttpRequestMessage(HttpMethod.Post, $"api/v1/assistants/{assistantId}/chat")
                {
                    Content = new StringContent("""{"message":"How do I reset my password?"}""", Encoding.UTF8, "application/json"),
                }));
            }
        }
        if (entries.Contains("share-org"))
        {
            results.Add(await ShareOrganizationAsync(admin));
        }
        return results;
    }

    /// <summary>
    /// An organization of 10,000 members (and the admin), then for each operation a fresh assistant of the admin's
    /// shared with it through <see cref="ShareWithOrganization"/> as the Global Admin, so the grant takes effect at
    /// once and all 10,000 members get a notification and an email. Only the command is timed.
    /// </summary>
    private async Task<EntryResult> ShareOrganizationAsync(ApplicationUser admin)
    {
        Console.WriteLine($"share-org: arranging an organization of {OrganizationMembers} members");
        const string organizationName = "Everyone Inc";
        await using (var db = app.CreateDbContext())
        {
            var organization = new Organization { Name = organizationName, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(organization);
            var users = Enumerable.Range(0, OrganizationMembers).Select(i => AppHost.NewUser($"member{i}@bench.test")).ToList();
            db.Users.AddRange(users);
            db.OrganizationMembers.AddRange(users.Select(u => new OrganizationMember { Organization = organization, User = u, Role = OrganizationRole.Member }));
            await db.SaveChangesAsync();
        }
        var principal = AppHost.Principal(admin);
        Console.WriteLine($"share-org: warm-up {ShareWarmUp}, measuring {Shares}");
        var ticks = new long[Shares];
        for (var i = -ShareWarmUp; i < Shares; i++)
        {
            int assistantId;
            await using (var db = app.CreateDbContext())
            {
                var assistant = new Assistant { Name = $"Shared {i + ShareWarmUp}", OwnerId = admin.Id };
                db.Assistants.Add(assistant);
                await db.SaveChangesAsync();
                assistantId = assistant.Id;
            }
            using var scope = app.Services.CreateScope();
            var command = scope.ServiceProvider.GetRequiredService<ShareWithOrganization>();
            var start = Stopwatch.GetTimestamp();
            var result = await command.ExecuteAsync(principal, assistantId, organizationName, AccessLevel.ReadOnly);
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Sharing failed: {result}");
            }
            if (i >= 0)
            {
                ticks[i] = elapsed;
            }
        }
        // The members are told by the fan-out worker right after each share (eventually, SPEC §6): wait until it has
        // caught up, and say how long that took after the last share returned.
        var drainStart = Stopwatch.GetTimestamp();
        while (true)
        {
            await using var db = app.CreateDbContext();
            if (!db.MemberFanOuts.Any())
            {
                break;
            }
            if (Stopwatch.GetElapsedTime(drainStart) > TimeSpan.FromMinutes(10))
            {
                throw new InvalidOperationException("share-org: the fan-out did not finish within 10 minutes.");
            }
            await Task.Delay(50);
        }
        Console.WriteLine($"share-org: fan-out finished {Stopwatch.GetElapsedTime(drainStart).TotalMilliseconds:F0} ms after the last share returned");
        await using (var db = app.CreateDbContext())
        {
            // The last share must have told every member exactly once (the admin, who shared, is not a member).
            var last = db.Assistants.Max(a => a.Id);
            var told = db.Notifications.Count(n => n.AssistantId == last);
            var distinct = db.Notifications.Where(n => n.AssistantId == last).Select(n => n.UserId).Distinct().Count();
            if (told != OrganizationMembers || distinct != OrganizationMembers)
            {
                throw new InvalidOperationException($"share-org told {told} members ({distinct} distinct), not {OrganizationMembers}.");
            }
            var mails = db.OutboxMessages.Count(m => m.Status == OutboxStatus.Waiting);
            if (mails != OrganizationMembers * (Shares + ShareWarmUp))
            {
                throw new InvalidOperationException($"share-org queued {mails} mails, not {OrganizationMembers * (Shares + ShareWarmUp)}.");
            }
        }
        return EntryResult.From("share-org", ticks);
    }

    /// <summary>An assistant of the admin with a small knowledge base (three documents) and a Read and write key.</summary>
    private async Task<(int AssistantId, string Key)> ArrangeApiAsync(ApplicationUser admin)
    {
        int assistantId;
        string key;
        await using (var db = app.CreateDbContext())
        {
            var assistant = new Assistant { Name = "Helpdesk", Description = "Answers questions", Instructions = "Be kind.", OwnerId = admin.Id };
            db.Assistants.Add(assistant);
            await db.SaveChangesAsync();
            assistantId = assistant.Id;
            key = AppHost.AddKey(db, assistantId, AccessLevel.ReadWrite);
            await db.SaveChangesAsync();
        }
        using var scope = app.Services.CreateScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var principal = AppHost.Principal(admin);
        string[] documents =
        [
            "Passwords\n\nTo reset your password, open the sign-in page and choose \"Forgot password\". A reset link is sent to your address and is valid for one hour.\n\nPasswords must have at least twelve characters.",
            "Opening hours\n\nThe help desk is open from 8:00 to 18:00 on working days. Outside these hours, write to the support address and we answer the next morning.",
            "Accounts\n\nNew accounts are created by your organization's administrator. To change your email address, ask the administrator; your name can be changed in your profile.",
        ];
        for (var i = 0; i < documents.Length; i++)
        {
            var (_, error) = await knowledge.AddAsync(principal, assistantId, $"doc{i}.txt", Encoding.UTF8.GetBytes(documents[i]));
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }
        }
        return (assistantId, key);
    }

    private HttpClient NewClient(string key)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Workers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        var client = new HttpClient(handler) { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>
    /// <see cref="Workers"/> concurrent workers, each sending one request after another on its own keep-alive
    /// connection: a warm-up, then a fixed measured duration. Every response must be 200. Latency is per request,
    /// from send to the whole body read; rps is the measured requests over the measured time.
    /// </summary>
    private static async Task<EntryResult> LoadAsync(string name, HttpClient client, Func<HttpRequestMessage> request)
    {
        Console.WriteLine($"{name}: {Workers} workers, warm-up {LoadWarmUp.TotalSeconds:F0} s, measuring {LoadDuration.TotalSeconds:F0} s");
        await RunWorkersAsync(client, request, LoadWarmUp, null);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var samples = new ConcurrentBag<long[]>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var elapsed = await RunWorkersAsync(client, request, LoadDuration, samples);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var ticks = samples.SelectMany(s => s).ToArray();
        // CPU time of this process (server and client together) per request: unlike rps, it hardly depends on how
        // many other processes compete for the cores, so it compares runs made at different loads.
        Console.WriteLine($"{name}: {ticks.Length} requests, process CPU {cpu.TotalMilliseconds:F0} ms = {cpu.TotalMicroseconds / Math.Max(1, ticks.Length):F0} µs per request; load average {LoadAverage()}");
        var result = EntryResult.From(name, ticks);
        return result with { Rps = Math.Round(ticks.Length / elapsed.TotalSeconds, 1) };
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<TimeSpan> RunWorkersAsync(HttpClient client, Func<HttpRequestMessage> request, TimeSpan duration, ConcurrentBag<long[]>? samples)
    {
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>(16_384);
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var message = request();
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                var took = Stopwatch.GetTimestamp() - start;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                mine.Add(took);
            }
            samples?.Add([.. mine]);
        })).ToArray();
        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(started);
    }
}
