using AssistantPortal.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AssistantPortal.Features.Email;

/// <summary>
/// With no SMTP server configured, keeps mail where a person can read it (SPEC §6): one .eml file per message
/// under <c>{Portal:DataPath}/mail</c>, named by time and outbox id. Writing the same message again replaces
/// its file, so a retried message is still one file.
/// </summary>
public sealed class FileMailDelivery(IOptions<PortalOptions> portal, IHostEnvironment environment) : IMailDelivery
{
    public string Folder => Path.Combine(portal.Value.ResolveDataPath(environment.ContentRootPath), "mail");

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailServerUnavailableException($"Cannot create the mail folder {Folder}: {ex.Message}", ex);
        }
        return Task.FromResult<IMailSession>(new Session(Folder));
    }

    /// <summary>The file a message is kept in.</summary>
    public static string FileName(long outboxId, MimeMessage message) =>
        $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{outboxId:D6}.eml";

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(long outboxId, MimeMessage message, CancellationToken cancellationToken)
        {
            var path = Path.Combine(folder, FileName(outboxId, message));
            var temporary = path + ".tmp";
            try
            {
                // Written aside and moved in, so a reader never sees half a message.
                await message.WriteToAsync(temporary, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MailServerUnavailableException($"Cannot write {path}: {ex.Message}", ex);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
