using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssistantPortal.E2E.Links;

/// <summary>
/// Someone else's website: a tiny HTTP server on its own port and host name (<c>127.0.0.1</c>, while the app is
/// browsed as <c>localhost</c>), so a page it serves is another origin and another site than the app. It serves one
/// HTML page at <c>/</c>.
/// </summary>
public sealed class SecondOrigin : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    private SecondOrigin(string html)
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync(Encoding.UTF8.GetBytes(html));
    }

    /// <summary>The page's address.</summary>
    public string Url { get; }

    public static SecondOrigin Serve(string html) => new(html);

    private async Task ServeAsync(byte[] page)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var found = context.Request.Url?.AbsolutePath == "/";
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            if (found)
            {
                await context.Response.OutputStream.WriteAsync(page);
            }
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
