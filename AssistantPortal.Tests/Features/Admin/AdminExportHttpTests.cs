using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.AuditLog;
using AssistantPortal.Features.Admin.ChatLogs;
using AssistantPortal.Tests.Infrastructure;

namespace AssistantPortal.Tests.Features.Admin;

/// <summary>
/// The CSV downloads over HTTP, through the app's real pipeline: a Global Admin gets text/csv of the filter; every
/// other role gets the same 404 as the pages; bad query values get a problem-details 400 naming the field.
/// </summary>
public sealed class AdminExportHttpTests(AdminExportHttpTests.App app) : IClassFixture<AdminExportHttpTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public int HelpdeskId { get; private set; }

        public async Task InitializeAsync()
        {
            var gina = await Factory.CreateUserAsync("gina@example.test");
            await Factory.CreateUserAsync("adam@example.test", GlobalRole.ApplicationAdmin);
            var uma = await Factory.CreateUserAsync("uma@example.test");
            await using var db = Factory.CreateDbContext();
            var assistant = new Assistant { Name = "Helpdesk", OwnerId = uma.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Assistants.Add(assistant);
            await db.SaveChangesAsync();
            HelpdeskId = assistant.Id;
            db.ChatExchanges.AddRange(
                Exchange(assistant, uma, new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), "How do I print?"),
                Exchange(assistant, uma, new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), "=cmd|' /C calc'!A0"));
            db.AuditEntries.AddRange(
                new AuditEntry { At = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), Action = AuditAction.UserGrantAdded, ActorUserId = uma.Id,
                    ActorName = "uma@example.test", AssistantId = assistant.Id, AssistantName = "Helpdesk", Target = "gina@example.test", Details = "Read only" },
                new AuditEntry { At = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), Action = AuditAction.GlobalRoleChanged, ActorUserId = gina.Id,
                    ActorName = "gina@example.test", Target = "adam@example.test", Details = "-User" });
            await db.SaveChangesAsync();
        }

        private static ChatExchange Exchange(Assistant assistant, ApplicationUser user, DateTime at, string question) => new()
        {
            AssistantId = assistant.Id, Origin = ChatOrigin.User, UserId = user.Id, WhoName = user.UserName!, AskedAt = at,
            Question = question, Answer = "An answer", SupportingContent = "A passage", ThoughtProcess = "Looked it up",
        };

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string> Exports() => [AdminExportEndpoints.ChatLogsPath, AdminExportEndpoints.AuditLogPath];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Export_AsAnApplicationAdmin_IsNotFound(string path)
    {
        using var client = await app.Factory.SignInAsync("adam@example.test");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("text/csv", response.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Export_AsAUser_IsNotFound(string path)
    {
        using var client = await app.Factory.SignInAsync("uma@example.test");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Export_SignedOut_AsksToSignIn(string path)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ChatLogsExport_AsAGlobalAdmin_IsACsvDownloadOfTheFilter()
    {
        using var client = await app.Factory.SignInAsync("gina@example.test");

        var response = await client.GetAsync(AdminExportEndpoints.ChatLogsUrl(new AdminChatLogFilter(app.HelpdeskId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("chat-logs-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = CsvExportTests.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AdminChatLogs.CsvHeader, rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal("'=cmd|' /C calc'!A0", rows[1][4]);
        Assert.Equal("How do I print?", rows[2][4]);
        Assert.Equal("A passage", rows[2][7]);
    }

    [Fact]
    public async Task ChatLogsExport_ByDay_HoldsOnlyThatDay()
    {
        using var client = await app.Factory.SignInAsync("gina@example.test");

        var csv = await client.GetStringAsync($"{AdminExportEndpoints.ChatLogsPath}?from=2026-11-01&to=2026-11-01");

        var rows = CsvExportTests.Parse(csv);
        Assert.Equal("How do I print?", Assert.Single(rows.Skip(1))[4]);
    }

    [Fact]
    public async Task AuditLogExport_AsAGlobalAdmin_IsACsvDownloadOfTheFilter()
    {
        using var client = await app.Factory.SignInAsync("gina@example.test");

        var response = await client.GetAsync(AdminExportEndpoints.AuditLogUrl(new AuditLogFilter(Action: AuditAction.GlobalRoleChanged)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = CsvExportTests.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AuditLogQuery.CsvHeader, rows[0]);
        Assert.Equal(["2026-11-02T09:00:00Z", "Global role changed", "gina@example.test", "", "adam@example.test", "'-User"], Assert.Single(rows.Skip(1)));
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Export_FromAfterTo_IsABadRequestNamingTheDates(string path)
    {
        using var client = await app.Factory.SignInAsync("gina@example.test");

        var response = await client.GetAsync($"{path}?from=2026-11-05&to=2026-11-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([DayRange.FromAfterTo], await ErrorsAsync(response, "to"));
    }

    [Theory]
    [InlineData("from=yesterday", "from", "'yesterday' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("assistantId=abc", "assistantId", "'abc' is not an id; an id is a positive whole number.")]
    [InlineData("assistantId=999999", "assistantId", "There is no assistant with id 999999.")]
    [InlineData("userId=nobody", "userId", "There is no such user.")]
    public async Task ChatLogsExport_BadValue_IsABadRequestNamingTheField(string query, string field, string message)
    {
        using var client = await app.Factory.SignInAsync("gina@example.test");

        var response = await client.GetAsync($"{AdminExportEndpoints.ChatLogsPath}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await ErrorsAsync(response, field));
    }

    [Theory]
    [InlineData("action=NoSuchThing")]
    [InlineData("action=7")]
    public async Task AuditLogExport_UnknownKind_IsABadRequest(string query)
    {
        using var client = await app.Factory.SignInAsync("gina@example.test");

        var response = await client.GetAsync($"{AdminExportEndpoints.AuditLogPath}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await ErrorsAsync(response, "action"));
    }

    private static async Task<string[]> ErrorsAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
