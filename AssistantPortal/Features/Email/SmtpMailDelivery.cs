using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AssistantPortal.Features.Email;

/// <summary>Sends mail through the SMTP server of <see cref="EmailOptions.Smtp"/> with MailKit.</summary>
public sealed class SmtpMailDelivery(IOptions<EmailOptions> options, ILogger<SmtpMailDelivery> logger) : IMailDelivery
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var session = new Session(options.Value.Smtp, logger);
        try
        {
            await session.ConnectAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private sealed class Session(SmtpOptions smtp, ILogger logger) : IMailSession
    {
        private readonly SmtpClient _client = new() { Timeout = (int)smtp.Timeout.TotalMilliseconds };

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            try
            {
                await _client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.SecureSocket, cancellationToken);
                if (!string.IsNullOrEmpty(smtp.UserName))
                {
                    await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
                }
            }
            catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
            {
                throw new MailServerUnavailableException($"Cannot reach the mail server {smtp.Host}:{smtp.Port}: {ex.Message}", ex);
            }
            catch (AuthenticationException ex)
            {
                // Wrong credentials are a configuration fault, not the message's: the mail waits until it is fixed.
                throw new MailServerUnavailableException($"The mail server {smtp.Host}:{smtp.Port} refused the sign-in: {ex.Message}", ex);
            }
            catch (SmtpCommandException ex)
            {
                throw new MailServerUnavailableException($"The mail server {smtp.Host}:{smtp.Port} refused the session: {ex.Message}", ex);
            }
        }

        public async Task SendAsync(long outboxId, MimeMessage message, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected)
            {
                // The previous message may have ended the connection (for example a 421 reply).
                await ConnectAsync(cancellationToken);
            }
            try
            {
                await _client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
            {
                throw new MailServerUnavailableException($"The mail server is not accepting mail: {ex.Message}", ex);
            }
            catch (SmtpCommandException ex)
            {
                var permanent = (int)ex.StatusCode >= 500;
                var what = ex.ErrorCode switch
                {
                    SmtpErrorCode.RecipientNotAccepted => $"recipient {ex.Mailbox} refused",
                    SmtpErrorCode.SenderNotAccepted => $"sender {ex.Mailbox} refused",
                    SmtpErrorCode.MessageNotAccepted => "message refused",
                    _ => "unexpected reply",
                };
                throw new MailRefusedException($"{(int)ex.StatusCode} {what}: {ex.Message}", permanent, ex);
            }
            catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
            {
                throw new MailServerUnavailableException($"The connection to the mail server failed: {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (IsConnectionFailure(ex, CancellationToken.None))
            {
                logger.LogDebug(ex, "Closing the SMTP connection failed");
            }
            _client.Dispose();
        }

        private static bool IsConnectionFailure(Exception ex, CancellationToken cancellationToken) => ex switch
        {
            SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException
                or ServiceNotConnectedException => true,
            // MailKit reports its own timeout as a cancellation that nobody asked for.
            OperationCanceledException => !cancellationToken.IsCancellationRequested,
            _ => false,
        };
    }
}
