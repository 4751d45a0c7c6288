using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port: <c>/usr/bin/python3</c> running aiosmtpd (smtp_sink.py, next to this
/// file). Every message it accepts lands as a file in <see cref="Folder"/>. Recipients starting with "refuse" get a
/// permanent 550. <see cref="Stop"/> kills it like a crashed server; <see cref="StartAsync"/> brings it back on the
/// same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpSink()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ap-smtp-sink", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Port = FreePort();
    }

    public int Port { get; }

    public string Folder { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a sink and waits until it listens.</summary>
    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = new SmtpSink();
        await sink.StartAsync();
        return sink;
    }

    /// <summary>(Re)starts the server on <see cref="Port"/> and waits until it listens.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { script, Port.ToString(), Folder },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        _process = process;
        var stderr = process.StandardError.ReadToEndAsync();
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "READY")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The SMTP sink did not start: {ready} {await stderr}");
        }
    }

    /// <summary>Kills the server, as if it crashed: connections drop and new ones are refused.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Select(path => MimeMessage.Load(path)).ToList();

    public int Count => Directory.GetFiles(Folder, "*.eml").Length;

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
